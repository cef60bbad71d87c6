package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.ConversationLabeled;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import in.picode.kretanote.messaging.boundary.MessageStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Turns messaging's events into queued automation events, inside the transaction that fired them
 * (so an event exists exactly when its change committed). Rules run later, each event in a
 * transaction of its own: a failing rule never rolls back a customer's message.
 */
@ApplicationScoped
public class AutomationListener {

  @Inject AutomationInbox inbox;

  void onCustomerMessage(@Observes CustomerMessageStored m) {
    if ("reaction".equals(m.type())) {
      return;
    }
    inbox.record(
        Trigger.CUSTOMER_MESSAGE, m.conversationId(), m.contactId(), m.messageId(), m.text());
  }

  void onConversation(@Observes ConversationChanged c) {
    if (c.kind() == ConversationChanged.Kind.CREATED) {
      inbox.record(Trigger.CONVERSATION_CREATED, c.conversationId(), null, null, null);
    } else if (c.kind() == ConversationChanged.Kind.RESOLVED) {
      inbox.record(Trigger.CONVERSATION_RESOLVED, c.conversationId(), null, null, null);
    }
  }

  void onStatus(@Observes MessageStatusChanged s) {
    if ("FAILED".equals(s.status())) {
      inbox.record(Trigger.MESSAGE_FAILED, s.conversationId(), null, s.messageId(), s.reason());
    }
  }

  void onLabel(@Observes ConversationLabeled l) {
    inbox.record(Trigger.LABEL_ADDED, l.conversationId(), null, null, l.label());
  }
}
