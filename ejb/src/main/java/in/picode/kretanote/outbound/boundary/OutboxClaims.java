package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.Pacing;
import in.picode.kretanote.platform.control.LeaseClaims;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sender's database claims, across all tenants, each in a short transaction of its own. Native
 * SQL because claiming works for every tenant at once; it reads and writes only ids, states, times
 * and lease columns, never message content, and every statement names the row by tenant and id.
 *
 * <ul>
 *   <li>{@link #claimDue}: {@code SELECT ... FOR UPDATE SKIP LOCKED} picks due rows nobody else is
 *       claiming, and a lease (owner + time) marks them as this server's.
 *   <li>{@link #takeSlot}: locks the number's {@code send_pace} row, takes its next slot and moves
 *       the row into SENDING in the same transaction: from here on the message may reach Meta, so
 *       it never goes back to the queue by itself.
 *   <li>{@link #expireSending}: a SENDING row whose lease ran out belongs to a server that died in
 *       the middle of a call; it becomes UNKNOWN (not resent).
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxClaims {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** Due queued or retried rows with no running lease, by the due index (outbox_due_ix). */
  static final LeaseClaims.Spec CLAIM =
      new LeaseClaims.Spec(
          "outbox",
          "id, tenant_id, connection_id",
          "state in ('QUEUED', 'RETRY') and next_attempt_at <= ?"
              + " and (lease_until is null or lease_until < ?)",
          "next_attempt_at, id",
          "lease_owner = ?, lease_until = ?");

  public record Claim(long id, long tenantId, long connectionId) {}

  public List<Claim> claimDue(Instant now, Instant leaseUntil, String owner, int max) {
    List<Object[]> rows =
        LeaseClaims.claim(
            em,
            CLAIM,
            List.of(Timestamp.from(now), Timestamp.from(now)),
            max,
            List.of(owner, Timestamp.from(leaseUntil)));
    List<Claim> claims = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      claims.add(
          new Claim(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              ((Number) row[2]).longValue()));
    }
    return claims;
  }

  /**
   * The next throughput slot of the number for this row, and the row moved to SENDING; empty when
   * the row is no longer this server's (its lease ran out and another server took it).
   */
  /** A taken slot and the number's rate at that moment. */
  public record Slot(Instant at, int perSecond) {}

  public Optional<Slot> takeSlot(
      Claim claim,
      String owner,
      int defaultPerSecond,
      Instant now,
      Duration lease,
      Duration maxWait) {
    // Not INSERT IGNORE: on an existing row it takes a shared lock, and two senders upgrading
    // their shared locks to the FOR UPDATE below deadlock. ON DUPLICATE KEY UPDATE locks
    // exclusively at once.
    em.createNativeQuery(
            "insert into send_pace (tenant_id, connection_id, next_slot_at) values (?, ?, ?)"
                + " on duplicate key update tenant_id = tenant_id")
        .setParameter(1, claim.tenantId())
        .setParameter(2, claim.connectionId())
        .setParameter(3, Timestamp.from(now))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
    Object[] pace =
        (Object[])
            em.createNativeQuery(
                    "select per_second, next_slot_at, paused_until from send_pace"
                        + " where tenant_id = ? and connection_id = ? for update")
                .setParameter(1, claim.tenantId())
                .setParameter(2, claim.connectionId())
                .setHint(ALLOW_NATIVE, "true")
                .getSingleResult();
    int perSecond = pace[0] == null ? defaultPerSecond : ((Number) pace[0]).intValue();
    Instant slot = Pacing.slot(now, instant(pace[1]), instant(pace[2]));
    if (slot.isAfter(now.plus(maxWait))) {
      // The number is paused or booked far ahead: give the row back, due at that time.
      em.createNativeQuery(
              "update outbox set next_attempt_at = ?, lease_owner = null, lease_until = null"
                  + " where tenant_id = ? and id = ? and lease_owner = ?"
                  + " and state in ('QUEUED', 'RETRY')")
          .setParameter(1, Timestamp.from(slot))
          .setParameter(2, claim.tenantId())
          .setParameter(3, claim.id())
          .setParameter(4, owner)
          .setHint(ALLOW_NATIVE, "true")
          .executeUpdate();
      return Optional.empty();
    }
    int moved =
        em.createNativeQuery(
                "update outbox set state = 'SENDING', last_attempt_at = ?, lease_until = ?,"
                    + " updated_at = ? where tenant_id = ? and id = ? and lease_owner = ?"
                    + " and state in ('QUEUED', 'RETRY')")
            .setParameter(1, Timestamp.from(slot))
            .setParameter(2, Timestamp.from(slot.plus(lease)))
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, claim.tenantId())
            .setParameter(5, claim.id())
            .setParameter(6, owner)
            .setHint(ALLOW_NATIVE, "true")
            .executeUpdate();
    if (moved == 0) {
      return Optional.empty();
    }
    em.createNativeQuery(
            "update send_pace set next_slot_at = ? where tenant_id = ? and connection_id = ?")
        .setParameter(1, Timestamp.from(slot.plus(Pacing.spacing(perSecond))))
        .setParameter(2, claim.tenantId())
        .setParameter(3, claim.connectionId())
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
    return Optional.of(new Slot(slot, perSecond));
  }

  /**
   * A call that ended late may have reached Meta late, closer to the calls after it: the number's
   * next slot moves so that no later call can start within a second of this one's end, counted with
   * the calls already booked (see {@link Pacing#notBefore}).
   */
  public void endedLate(long tenantId, long connectionId, Instant notBefore) {
    em.createNativeQuery(
            "update send_pace set next_slot_at = ? where tenant_id = ? and connection_id = ?"
                + " and next_slot_at < ?")
        .setParameter(1, Timestamp.from(notBefore))
        .setParameter(2, tenantId)
        .setParameter(3, connectionId)
        .setParameter(4, Timestamp.from(notBefore))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** Holds the whole number back until {@code until} (Meta's throughput errors). */
  public void pauseNumber(long tenantId, long connectionId, Instant until) {
    em.createNativeQuery(
            "update send_pace set paused_until = ?, throttled = throttled + 1"
                + " where tenant_id = ? and connection_id = ?"
                + " and (paused_until is null or paused_until < ?)")
        .setParameter(1, Timestamp.from(until))
        .setParameter(2, tenantId)
        .setParameter(3, connectionId)
        .setParameter(4, Timestamp.from(until))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** Gives a claimed row back untouched (this server stops before sending it). */
  public void release(Claim claim, String owner) {
    em.createNativeQuery(
            "update outbox set lease_owner = null, lease_until = null"
                + " where tenant_id = ? and id = ? and lease_owner = ? and state in ('QUEUED', 'RETRY')")
        .setParameter(1, claim.tenantId())
        .setParameter(2, claim.id())
        .setParameter(3, owner)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** SENDING rows whose server died mid-call become UNKNOWN; returns how many. */
  public int expireSending(Instant now) {
    return em.createNativeQuery(
            "update outbox set state = 'UNKNOWN', lease_owner = null, lease_until = null,"
                + " updated_at = ?, outcome = 'The sending server stopped during the call to"
                + " Meta; the message may have gone out and is not sent again automatically.'"
                + " where state = 'SENDING' and lease_until < ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, Timestamp.from(now))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** The tenants that have UNKNOWN rows to reconcile. */
  public List<Long> tenantsWithUnknown() {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("select distinct tenant_id from outbox where state = 'UNKNOWN'")
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  /** Sets a number's throughput (1–1,000 per second; {@code null}: the configured default). */
  public void setRate(long tenantId, long connectionId, Integer perSecond, Instant now) {
    if (perSecond != null && (perSecond < 1 || perSecond > 1000)) {
      throw new IllegalArgumentException("A number sends 1 to 1,000 messages per second");
    }
    em.createNativeQuery(
            "insert into send_pace (tenant_id, connection_id, per_second, next_slot_at)"
                + " values (?, ?, ?, ?) on duplicate key update per_second = values(per_second)")
        .setParameter(1, tenantId)
        .setParameter(2, connectionId)
        .setParameter(3, perSecond)
        .setParameter(4, Timestamp.from(now))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    throw new IllegalStateException("Unexpected time " + o.getClass());
  }
}
