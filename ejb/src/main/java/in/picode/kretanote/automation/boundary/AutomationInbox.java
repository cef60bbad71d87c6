package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.entity.AutomationEvent;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.BusinessHours;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.TransactionMemo;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes an event for the rules into the queue, in the transaction of the change that caused it,
 * and only when something will read it (an active rule of its kind, or away/greeting messages for
 * customer messages). Whether a customer's message is the first of its conversation, or of the
 * contact's life, is decided here, at the moment it arrived.
 */
@Stateless
@TenantScoped
public class AutomationInbox {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConversationFacts facts;
  @Inject Clock clock;
  @Inject TransactionMemo memo;

  public void record(
      Trigger kind, long conversationId, Long contactId, Long messageId, String detail) {
    if (!wanted(kind)) {
      return;
    }
    boolean first = false;
    boolean ever = false;
    if (kind == Trigger.CUSTOMER_MESSAGE && messageId != null) {
      first = facts.firstSinceOpened(conversationId, messageId, false);
      ever =
          first
              && contactId != null
              && facts.conversationsOf(contactId) == 1
              && facts.firstSinceOpened(conversationId, messageId, true);
    }
    em.persist(
        new AutomationEvent(
            kind, conversationId, messageId, detail, first, ever, Instant.now(clock)));
  }

  /**
   * Read once per transaction and event kind (a batch of webhooks records an event per message),
   * without flushing the transaction's pending changes: rules and business hours are not changed in
   * the transactions that record events.
   */
  private boolean wanted(Trigger kind) {
    return memo.of("automation.wanted." + kind, () -> readWanted(kind));
  }

  private boolean readWanted(Trigger kind) {
    boolean rules =
        !em.createNamedQuery(AutomationRule.ACTIVE_FOR, AutomationRule.class)
            .setParameter("event", kind)
            .setFlushMode(FlushModeType.COMMIT)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (rules || kind != Trigger.CUSTOMER_MESSAGE) {
      return rules;
    }
    return em.createNamedQuery(BusinessHours.OF_TENANT, BusinessHours.class)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultStream()
        .anyMatch(b -> b.isAwayEnabled() || b.isGreetingEnabled());
  }
}
