package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.platform.control.LeaseClaims;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The work of the automation timer, safe on any number of servers: queued events are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease (a server that dies leaves its events to be claimed
 * again, at most five times); the no-reply scan writes one event per rule, conversation and
 * unanswered customer message with {@code INSERT IGNORE} on a unique key, so whichever server scans
 * first fires it and the other finds it taken.
 */
@Stateless
public class AutomationWork {

  static final LeaseClaims.Spec SPEC =
      new LeaseClaims.Spec(
          "automation_event",
          "id, tenant_id",
          "done_at IS NULL AND attempts < 5 AND (lease_until IS NULL OR lease_until < ?)",
          "id",
          "lease_until = ?, lease_owner = ?, attempts = attempts + 1");
  static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";
  static final Duration SCAN_BACK = Duration.ofDays(7);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConversationFacts facts;

  /** A claimed event: its id and business. */
  public record Claimed(long id, long tenantId) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claimed> claim(int max, Instant now, Instant leaseUntil, String owner) {
    return LeaseClaims.claim(
            em, SPEC, List.of(Timestamp.from(now)), max, List.of(Timestamp.from(leaseUntil), owner))
        .stream()
        .map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
        .toList();
  }

  /** Businesses with an active no-reply rule. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> noReplyTenants() {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "SELECT DISTINCT tenant_id FROM automation_rule"
                    + " WHERE event = 'NO_REPLY' AND paused = FALSE")
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  /**
   * Queues a NO_REPLY event for each conversation of the current business that has waited longer
   * than a no-reply rule's minutes; returns how many were new.
   */
  @TenantScoped
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int scanNoReply(Instant now) {
    int queued = 0;
    for (AutomationRule rule :
        em.createNamedQuery(AutomationRule.ACTIVE_FOR, AutomationRule.class)
            .setParameter("event", Trigger.NO_REPLY)
            .getResultList()) {
      Instant cutoff = now.minus(Duration.ofMinutes(rule.getWaitMinutes()));
      for (ConversationFacts.Waiting w : facts.waitingForReply(now.minus(SCAN_BACK), cutoff, 500)) {
        queued +=
            em.createNativeQuery(
                    "INSERT IGNORE INTO automation_event (tenant_id, kind, conversation_id,"
                        + " rule_id, fire_key, occurred_at) VALUES (?, 'NO_REPLY', ?, ?, ?, ?)")
                .setHint(ALLOW_NATIVE, "true")
                .setParameter(1, Tenancy.require())
                .setParameter(2, w.conversationId())
                .setParameter(3, rule.getId())
                .setParameter(4, w.conversationId() + ":" + w.at().toEpochMilli())
                .setParameter(5, Timestamp.from(now))
                .executeUpdate();
      }
    }
    return queued;
  }
}
