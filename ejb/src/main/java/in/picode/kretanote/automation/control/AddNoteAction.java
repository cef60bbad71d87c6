package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** Adds a private note (agents only) to the conversation, naming the rule or macro. */
@ApplicationScoped
public class AddNoteAction implements Action {

  @Inject Conversations conversations;

  @Override
  public String type() {
    return "add_note";
  }

  @Override
  public String words() {
    return "Add private note";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    Params.require(p, "text", AutomationWords.PARAM_NOTE.with(), 2000, out);
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    String text = Params.text(p, "text");
    return Changes.apply(
        s,
        AutomationWords.LOG_ADD_NOTE.with(),
        () ->
            conversations.addNote(s.conversationId(), "🤖 " + s.source() + ": " + text, s.actor()));
  }
}
