package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Sets (or with no value clears) a custom field of the contact, checked by the field's type. */
@ApplicationScoped
public class SetFieldAction implements Action {

  @Inject Contacts contacts;
  @Inject References references;

  @Override
  public String type() {
    return "set_field";
  }

  @Override
  public String words() {
    return "Set custom field";
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
  public Wording run(JsonObject p, Situation s) {
    String name = Params.text(p, "field");
    String value = Params.text(p, "value");
    List<Wording> missing = new ArrayList<>();
    CustomField field =
        references.field(name, missing).orElseThrow(() -> new ActionRefusedException(missing));
    return Changes.apply(
        s,
        AutomationWords.LOG_SET_FIELD.with(name, value == null ? "" : value),
        () -> contacts.setField(s.conversation().getContactId(), field.getId(), value));
  }
}
