package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a canned response's text through the outbound boundary as an automatic message: the send
 * guard decides exactly as for a person (window, opt-out, consent, standing, limit) and refuses
 * customers who objected to automated processing. A dry run asks the guard and writes nothing.
 */
@ApplicationScoped
public class SendCannedAction implements Action {

  @Inject Sending sending;
  @Inject References references;

  @Override
  public String type() {
    return "send_canned";
  }

  @Override
  public String words() {
    return "Send canned response";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.canned(
        Params.requireNumber(p, "cannedId", AutomationWords.PARAM_CANNED.with(), out), out);
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    List<Wording> missing = new ArrayList<>();
    CannedResponse c =
        references
            .canned(Params.number(p, "cannedId"), missing)
            .orElseThrow(() -> new ActionRefusedException(missing));
    Wording line = AutomationWords.LOG_SEND_CANNED.with(c.getShortcut());
    return Changes.sent(
        s,
        line,
        s.byPerson() && !s.dry()
            ? sending.sendText(s.conversationId(), s.key(), c.getBody())
            : sending.sendAutomated(s.conversationId(), s.key(), c.getBody(), s.dry()));
  }
}
