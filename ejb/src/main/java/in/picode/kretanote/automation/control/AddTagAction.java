package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** Tags the conversation's contact. */
@ApplicationScoped
public class AddTagAction implements Action {

  @Inject Contacts contacts;

  @Override
  public String type() {
    return "add_tag";
  }

  @Override
  public String words() {
    return "Add contact tag";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    Params.require(p, "tag", AutomationWords.PARAM_TAG.with(), 40, out);
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    String tag = Params.text(p, "tag");
    return Changes.apply(
        s,
        AutomationWords.LOG_ADD_TAG.with(tag),
        () -> contacts.tag(s.conversation().getContactId(), tag));
  }
}
