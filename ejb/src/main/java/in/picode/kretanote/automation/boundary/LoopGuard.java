package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The loop guard's atomic half: before a rule acts on a conversation it claims the (rule,
 * conversation, minute) slot with an insert on the slot's primary key, committed at once in a
 * transaction of its own. Of two servers evaluating the same rule for the same conversation at the
 * same time, the second insert finds the key taken (or waits for the first to commit and then finds
 * it), so exactly one acts. The run log's "acted within the last minute" check stays in front of it
 * for the sliding minute; this slot is what holds when both checks run before either run is logged.
 */
@Stateless
@TenantScoped
public class LoopGuard {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** True when this caller took the slot of {@code now}'s minute and may act. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(long ruleId, long conversationId, Instant now) {
    return em.createNativeQuery(
                "INSERT IGNORE INTO automation_slot (tenant_id, rule_id, conversation_id,"
                    + " slot_minute, created_at) VALUES (?, ?, ?, ?, ?)")
            .setParameter(1, Tenancy.require())
            .setParameter(2, ruleId)
            .setParameter(3, conversationId)
            .setParameter(4, now.getEpochSecond() / 60)
            .setParameter(5, Timestamp.from(now))
            .setHint(AutomationWork.ALLOW_NATIVE, "true")
            .executeUpdate()
        == 1;
  }

  /** Gives the slot back when the rule's actions changed nothing (it did not act after all). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(long ruleId, long conversationId, Instant now) {
    em.createNativeQuery(
            "DELETE FROM automation_slot WHERE tenant_id = ? AND rule_id = ?"
                + " AND conversation_id = ? AND slot_minute = ?")
        .setParameter(1, Tenancy.require())
        .setParameter(2, ruleId)
        .setParameter(3, conversationId)
        .setParameter(4, now.getEpochSecond() / 60)
        .setHint(AutomationWork.ALLOW_NATIVE, "true")
        .executeUpdate();
  }
}
