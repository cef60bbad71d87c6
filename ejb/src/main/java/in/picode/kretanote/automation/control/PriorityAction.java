package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** Marks the conversation's priority. */
@ApplicationScoped
public class PriorityAction implements Action {

  @Inject ConversationFacts facts;

  @Override
  public String type() {
    return "priority";
  }

  @Override
  public String words() {
    return "Mark priority";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    String v = Params.require(p, "priority", AutomationWords.PARAM_PRIORITY.with(), 8, out);
    if (v != null && !ConversationFacts.PRIORITIES.contains(v.toUpperCase(Locale.ROOT))) {
      out.add(AutomationWords.STEP_PRIORITY.with());
    }
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    String priority = Params.text(p, "priority").toUpperCase(Locale.ROOT);
    return Changes.apply(
        s,
        AutomationWords.LOG_PRIORITY.with(priority),
        () -> facts.prioritize(s.conversationId(), priority));
  }
}
