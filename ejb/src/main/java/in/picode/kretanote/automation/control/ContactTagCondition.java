package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/** The contact has (or, with {@code present} false, has not) a tag. */
@ApplicationScoped
public class ContactTagCondition implements Condition {

  @Override
  public String type() {
    return "contact_tag";
  }

  @Override
  public String words() {
    return "Contact has tag";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    Params.require(p, "tag", AutomationWords.PARAM_TAG.with(), 40, out);
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    String tag = Params.text(p, "tag");
    boolean has = s.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    return has == Params.flag(p, "present", true);
  }

  @Override
  public Wording describe(JsonObject p) {
    return (Params.flag(p, "present", true) ? AutomationWords.HAS_TAG : AutomationWords.LACKS_TAG)
        .with(Params.text(p, "tag"));
  }
}
