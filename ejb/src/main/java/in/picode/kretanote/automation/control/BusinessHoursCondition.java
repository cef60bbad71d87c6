package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/** The event happened inside (or, with {@code inside} false, outside) the business hours. */
@ApplicationScoped
public class BusinessHoursCondition implements Condition {

  @Override
  public String type() {
    return "business_hours";
  }

  @Override
  public String words() {
    return "Inside business hours";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    // inside defaults to true; nothing else to check
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    return s.insideBusinessHours() == Params.flag(p, "inside", true);
  }

  @Override
  public Wording describe(JsonObject p) {
    return (Params.flag(p, "inside", true)
            ? AutomationWords.IS_INSIDE_HOURS
            : AutomationWords.IS_OUTSIDE_HOURS)
        .with();
  }
}
