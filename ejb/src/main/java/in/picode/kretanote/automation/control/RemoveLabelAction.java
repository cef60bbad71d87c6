package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** Takes a label off the conversation. */
@ApplicationScoped
public class RemoveLabelAction implements Action {

  @Inject Conversations conversations;
  @Inject References references;

  @Override
  public String type() {
    return "remove_label";
  }

  @Override
  public String words() {
    return "Remove label";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.label(Params.require(p, "label", AutomationWords.PARAM_LABEL.with(), 40, out), out);
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    String label = Params.text(p, "label");
    return Changes.apply(
        s,
        AutomationWords.LOG_REMOVE_LABEL.with(label),
        () -> conversations.unlabel(s.conversationId(), label));
  }
}
