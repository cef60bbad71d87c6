package in.picode.kretanote.automation.control;

import in.picode.kretanote.messaging.boundary.ConversationFacts;
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
  public void check(JsonObject p, List<String> out) {
    String v = Params.require(p, "priority", "The priority", 8, out);
    if (v != null && !ConversationFacts.PRIORITIES.contains(v.toUpperCase(Locale.ROOT))) {
      out.add("The priority is one of LOW, NORMAL, HIGH, URGENT.");
    }
  }

  @Override
  public String run(JsonObject p, Situation s) {
    String priority = Params.text(p, "priority").toUpperCase(Locale.ROOT);
    return Changes.apply(
        s, "mark priority " + priority, () -> facts.prioritize(s.conversationId(), priority));
  }
}
