package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** A custom field of the contact has a value (compared whatever the capitals); blank: empty. */
@ApplicationScoped
public class CustomFieldCondition implements Condition {

  @Inject References references;

  @Override
  public String type() {
    return "custom_field";
  }

  @Override
  public String words() {
    return "Custom field equals";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.field(Params.require(p, "field", AutomationWords.PARAM_FIELD.with(), 60, out), out);
    String v = Params.text(p, "value");
    if (v != null && v.length() > 500) {
      out.add(AutomationWords.STEP_VALUE_LONG.with(500));
    }
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    String field = Params.text(p, "field");
    String wanted = Params.text(p, "value");
    String value = null;
    for (Map.Entry<String, String> e : s.fields().entrySet()) {
      if (e.getKey().equalsIgnoreCase(field)) {
        value = e.getValue();
      }
    }
    return wanted == null ? value == null || value.isBlank() : wanted.equalsIgnoreCase(value);
  }

  @Override
  public Wording describe(JsonObject p) {
    return AutomationWords.IS_FIELD.with(
        String.valueOf(Params.text(p, "field")), String.valueOf(Params.text(p, "value")));
  }
}
