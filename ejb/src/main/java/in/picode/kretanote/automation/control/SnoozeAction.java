package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/** Snoozes the conversation for some minutes (a customer who writes wakes it). */
@ApplicationScoped
public class SnoozeAction implements Action {

  @Inject Conversations conversations;

  @Override
  public String type() {
    return "snooze";
  }

  @Override
  public String words() {
    return "Snooze";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    Long m = Params.requireNumber(p, "minutes", AutomationWords.PARAM_SNOOZE.with(), out);
    if (m != null && (m < 1 || m > 60 * 24 * 30)) {
      out.add(AutomationWords.STEP_SNOOZE.with());
    }
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    long minutes = Params.number(p, "minutes");
    return Changes.apply(
        s,
        AutomationWords.LOG_SNOOZE.with(minutes),
        () ->
            conversations.snooze(
                s.conversationId(), s.at().plus(Duration.ofMinutes(minutes)), s.actor()));
  }
}
