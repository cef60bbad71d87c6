package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** Resolves (closes) the conversation. */
@ApplicationScoped
public class ResolveAction implements Action {

  @Inject Conversations conversations;

  @Override
  public String type() {
    return "resolve";
  }

  @Override
  public String words() {
    return "Resolve";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    // nothing to check
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    return Changes.apply(
        s,
        AutomationWords.LOG_RESOLVE.with(),
        () -> conversations.close(s.conversationId(), s.actor()));
  }
}
