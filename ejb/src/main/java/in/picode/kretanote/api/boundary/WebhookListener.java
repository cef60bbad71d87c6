package in.picode.kretanote.api.boundary;

import in.picode.kretanote.contact.boundary.ConsentChanged;
import in.picode.kretanote.contact.boundary.ContactChanged;
import in.picode.kretanote.csat.boundary.CsatReceived;
import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import in.picode.kretanote.messaging.boundary.MessageStatusChanged;
import in.picode.kretanote.outbound.boundary.CampaignFinished;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Turns the other features' events into webhook events. The observers are synchronous: they run in
 * the transaction that fired the event, with its tenant bound, so the outbox row commits (or rolls
 * back) with the change itself.
 */
@ApplicationScoped
public class WebhookListener {

  @Inject WebhookOutbox outbox;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  void onCustomerMessage(@Observes CustomerMessageStored m) {
    JsonObjectBuilder data =
        Jsons.createObjectBuilder()
            .add("message_id", m.messageId())
            .add("conversation_id", m.conversationId())
            .add("contact_id", m.contactId())
            .add("type", m.type())
            .add("received_at", m.writtenAt().toString());
    if (m.text() != null) {
      data.add("text", m.text());
    }
    outbox.emit(WebhookEventType.MESSAGE_RECEIVED, data.build());
  }

  void onStatus(@Observes MessageStatusChanged s) {
    JsonObjectBuilder data =
        Jsons.createObjectBuilder()
            .add("message_id", s.messageId())
            .add("conversation_id", s.conversationId())
            .add("status", s.status())
            .add("at", s.at().toString());
    if (s.errorCode() != null) {
      data.add("error_code", s.errorCode());
    }
    if (s.reason() != null) {
      data.add("reason", s.reason());
    }
    outbox.emit(WebhookEventType.MESSAGE_STATUS_CHANGED, data.build());
  }

  /**
   * One event per contact and transaction: an API update that renames, tags and sets fields, or a
   * creation with tags, is one {@code contact.created} or {@code contact.updated}, not one per
   * part.
   */
  void onContact(@Observes ContactChanged c) {
    String once = "webhook.contact:" + c.contactId();
    if (transactions != null
        && transactions.getTransactionKey() != null
        && transactions.getResource(once) != null) {
      return;
    }
    if (transactions != null && transactions.getTransactionKey() != null) {
      transactions.putResource(once, Boolean.TRUE);
    }
    outbox.emit(
        c.created() ? WebhookEventType.CONTACT_CREATED : WebhookEventType.CONTACT_UPDATED,
        Jsons.createObjectBuilder().add("contact_id", c.contactId()).build());
  }

  void onConsent(@Observes ConsentChanged c) {
    outbox.emit(
        WebhookEventType.CONSENT_CHANGED,
        Jsons.createObjectBuilder()
            .add("contact_id", c.contactId())
            .add("category", c.category().name().toLowerCase(java.util.Locale.ROOT))
            .add("granted", c.granted())
            .add("source", c.source())
            .build());
  }

  void onConversation(@Observes ConversationChanged c) {
    JsonObjectBuilder data = Jsons.createObjectBuilder().add("conversation_id", c.conversationId());
    if (c.kind() == ConversationChanged.Kind.CREATED) {
      outbox.emit(WebhookEventType.CONVERSATION_CREATED, data.build());
    } else if (c.kind() == ConversationChanged.Kind.ASSIGNED) {
      if (c.assigneeId() == null) {
        data.addNull("assignee_id");
      } else {
        data.add("assignee_id", c.assigneeId());
      }
      outbox.emit(WebhookEventType.CONVERSATION_ASSIGNED, data.build());
    } else if (c.kind() == ConversationChanged.Kind.RESOLVED) {
      outbox.emit(WebhookEventType.CONVERSATION_RESOLVED, data.build());
    }
  }

  void onCampaignFinished(@Observes CampaignFinished f) {
    outbox.emit(
        WebhookEventType.CAMPAIGN_FINISHED,
        Jsons.createObjectBuilder()
            .add("campaign_id", f.campaignId())
            .add("name", f.name())
            .add("state", f.state().toLowerCase(java.util.Locale.ROOT))
            .add("finished_at", f.finishedAt().toString())
            .build());
  }

  void onCsat(@Observes CsatReceived r) {
    JsonObjectBuilder data =
        Jsons.createObjectBuilder()
            .add("survey_id", r.surveyId())
            .add("conversation_id", r.conversationId())
            .add("rating", r.rating())
            .add("answered_at", r.answeredAt().toString());
    if (r.assigneeId() == null) {
      data.addNull("assignee_id");
    } else {
      data.add("assignee_id", r.assigneeId());
    }
    outbox.emit(WebhookEventType.CSAT_RECEIVED, data.build());
  }
}
