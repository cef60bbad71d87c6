package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** Assigns the conversation to an active agent ({@code userId}), or to nobody without one. */
@ApplicationScoped
public class AssignAction implements Action {

  @Inject Conversations conversations;
  @Inject References references;

  @Override
  public String type() {
    return "assign";
  }

  @Override
  public String words() {
    return "Assign to agent";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.agent(Params.number(p, "userId"), out);
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    Long user = Params.number(p, "userId");
    return Changes.apply(
        s,
        user == null ? AutomationWords.LOG_UNASSIGN.with() : AutomationWords.LOG_ASSIGN.with(user),
        () -> conversations.assign(s.conversationId(), user, s.actor()));
  }
}
