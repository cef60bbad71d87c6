package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.CallLogEntry;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's WhatsApp calls, each an entry of the conversation with the customer on the
 * number (opened if there was none). Events of one call are keyed by its call id: the first event
 * of any kind creates the entry (a terminate for a call whose connect never came still shows the
 * call), later ones move it forward (see {@link CallLogEntry#advance}), and a repeated event
 * changes nothing.
 */
@Stateless
@TenantScoped
public class CallLog {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject MessageLog log;

  /** Returns whether the call log changed. Joins the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean record(CallReport r, Instant now) {
    Optional<CallLogEntry> known =
        em.createNamedQuery(CallLogEntry.BY_CALL_ID, CallLogEntry.class)
            .setParameter("callId", r.callId())
            .getResultStream()
            .findFirst();
    CallLogEntry entry;
    boolean created = known.isEmpty();
    if (created) {
      long conversation = conversation(r.connectionId(), r.contactId(), now);
      entry =
          new CallLogEntry(
              r.connectionId(),
              conversation,
              r.contactId(),
              r.callId(),
              r.direction(),
              r.startedAt() != null ? r.startedAt() : r.at(),
              r.eventId(),
              now);
      em.persist(entry);
    } else {
      entry = known.get();
      if (entry.getContactId() != r.contactId() || entry.getConnectionId() != r.connectionId()) {
        // the same call id on another number or customer: never move a call between them
        return false;
      }
    }
    boolean moved =
        r.state() != CallLogEntry.State.RINGING
            && entry.advance(
                r.state(), r.metaStatus(), r.at(), r.duration(), r.startedAt(), r.eventId(), now);
    if (created || moved) {
      Conversation c = em.find(Conversation.class, entry.getConversationId());
      if (c != null && created && r.direction() == CallLogEntry.Direction.INCOMING) {
        // a customer's call wants attention like a message (it does not open the service window)
        c.customerWrote(r.at(), false, true, now);
      } else if (c != null) {
        c.businessWrote(r.at());
      }
    }
    return created || moved;
  }

  /** The conversation's calls, oldest first; another tenant's conversation has none. */
  public List<CallLogEntry> ofConversation(long conversationId) {
    return em.createNamedQuery(CallLogEntry.OF_CONVERSATION, CallLogEntry.class)
        .setParameter("conversation", conversationId)
        .setMaxResults(500)
        .getResultList();
  }

  private long conversation(long connectionId, long contactId, Instant now) {
    return em.createNamedQuery(Conversation.BY_CONTACT, Conversation.class)
        .setParameter("connection", connectionId)
        .setParameter("contact", contactId)
        .getResultStream()
        .findFirst()
        .map(Conversation::getId)
        .orElseGet(() -> log.open(connectionId, contactId, now));
  }
}
