package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** Removes a tag from the conversation's contact. */
@ApplicationScoped
public class RemoveTagAction implements Action {

  @Inject Contacts contacts;

  @Override
  public String type() {
    return "remove_tag";
  }

  @Override
  public String words() {
    return "Remove contact tag";
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
        AutomationWords.LOG_REMOVE_TAG.with(tag),
        () -> contacts.untag(s.conversation().getContactId(), tag));
  }
}
