package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * "Send template" from a contact's page: an approved template to a contact who may have no
 * conversation on that number yet. The conversation is found or opened (as for a campaign's first
 * message) and the template goes through {@link Sending#sendTemplate} with the form's idempotency
 * key, so the guard (consent, opt-out, standing, template values) decides exactly as in a
 * conversation, and a double submit sends once.
 */
@Stateless
@TenantScoped
public class ContactTemplates {

  @Inject CampaignConversations conversations;
  @Inject Sending sending;

  private final Clock clock = Clock.systemUTC();

  /** The conversation the template went into, and the sender's answer. */
  public record Sent(long conversationId, SendResult result) {}

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Sent send(
      long connectionId,
      long contactId,
      String idempotencyKey,
      String name,
      String language,
      List<String> values) {
    long conversation = conversations.open(connectionId, contactId, Instant.now(clock));
    return new Sent(
        conversation,
        sending.sendTemplate(
            conversation, idempotencyKey, name, language, List.of(), values, Map.of()));
  }
}
