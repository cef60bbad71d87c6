package in.picode.kretanote.automation.control;

import in.picode.kretanote.api.boundary.WebhookEventType;
import in.picode.kretanote.api.boundary.WebhookOutbox;
import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Calls the business's outgoing webhooks: an {@code automation.fired} event into the API feature's
 * webhook outbox (delivered, signed and retried by it) to every subscription that asked for it.
 */
@ApplicationScoped
public class WebhookAction implements Action {

  @Inject WebhookOutbox outbox;

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public String words() {
    return "Call outgoing webhook";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    String tag = Params.text(p, "tag");
    if (tag != null && tag.length() > 100) {
      out.add(AutomationWords.STEP_WEBHOOK_TAG_LONG.with(100));
    }
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    if (s.dry()) {
      return AutomationWords.LOG_WOULD.with(AutomationWords.LOG_CALL_WEBHOOKS.with());
    }
    JsonObject data =
        Jsons.createObjectBuilder()
            .add("conversation_id", s.conversationId())
            .add("contact_id", s.conversation().getContactId())
            .add("source", s.source())
            .add("event", s.event() == null ? "macro" : s.event().name().toLowerCase())
            .add("tag", Params.text(p, "tag") == null ? "" : Params.text(p, "tag"))
            .build();
    int n = outbox.emit(WebhookEventType.AUTOMATION_FIRED, data);
    return AutomationWords.LOG_WEBHOOKS_CALLED.with(n);
  }
}
