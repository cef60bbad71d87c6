package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** The conversation carries (or, with {@code present} false, does not carry) a label. */
@ApplicationScoped
public class LabelCondition implements Condition {

  @Inject References references;

  @Override
  public String type() {
    return "label";
  }

  @Override
  public String words() {
    return "Conversation has label";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.label(Params.require(p, "label", AutomationWords.PARAM_LABEL.with(), 40, out), out);
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    String label = Params.text(p, "label");
    boolean has = s.labels().stream().anyMatch(l -> l.equalsIgnoreCase(label));
    return has == Params.flag(p, "present", true);
  }

  @Override
  public Wording describe(JsonObject p) {
    return (Params.flag(p, "present", true)
            ? AutomationWords.HAS_LABEL
            : AutomationWords.LACKS_LABEL)
        .with(Params.text(p, "label"));
  }
}
