package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.Pacing;
import in.picode.kretanote.platform.control.LeaseClaims;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sender's database claims, across all tenants, each in a short transaction of its own. Native
 * SQL because claiming works for every tenant at once; it reads and writes only ids, states, times
 * and lease columns, never message content, and every statement names the row by tenant and id.
 *
 * <ul>
 *   <li>{@link #claimNumber}: {@code SELECT ... FOR UPDATE SKIP LOCKED} picks one number's due rows
 *       nobody else is claiming (replies before campaign sends), and a lease (owner + time) marks
 *       them as this server's.
 *   <li>{@link #takeSlots}: locks the number's {@code send_pace} row, takes its next slots and
 *       moves the rows into SENDING in the same transaction: from here on a message may reach Meta,
 *       so it never goes back to the queue by itself.
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

  /** Due queued or retried rows of one number with no running lease (outbox_number_due_ix). */
  static LeaseClaims.Spec claimOfNumber(boolean campaign) {
    return new LeaseClaims.Spec(
        "outbox",
        "id, tenant_id, connection_id, recipient",
        "tenant_id = ? and connection_id = ? and state in ('QUEUED', 'RETRY')"
            + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?)"
            + (campaign ? " and campaign_id is not null" : " and campaign_id is null"),
        "next_attempt_at, id",
        "lease_owner = ?, lease_until = ?");
  }

  static final LeaseClaims.Spec REPLIES = claimOfNumber(false);
  static final LeaseClaims.Spec CAMPAIGN = claimOfNumber(true);

  public record Claim(long id, long tenantId, long connectionId) {}

  /** A claimed row with what the lane needs to keep one customer's messages in order. */
  public record Queued(Claim claim, String recipient, boolean campaign)
      implements in.picode.kretanote.outbound.control.LaneWindow.Row {}

  /** A number: its tenant and connection. */
  public record NumberKey(long tenantId, long connectionId) {}

  /**
   * The numbers that have due rows nobody holds, and are not paused: one index probe per number and
   * state (outbox_number_due_ix), whatever the size of the queue.
   */
  public List<NumberKey> numbersWithDueWork(Instant now) {
    String due =
        "select 1 from outbox o where o.tenant_id = c.tenant_id and o.connection_id = c.id"
            + " and o.state = '%s' and o.next_attempt_at <= ?"
            + " and (o.lease_until is null or o.lease_until < ?)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.tenant_id, c.id from whatsapp_connection c where (exists ("
                    + due.formatted("QUEUED")
                    + ") or exists ("
                    + due.formatted("RETRY")
                    + ")) and not exists (select 1 from send_pace p where p.tenant_id ="
                    + " c.tenant_id and p.connection_id = c.id and p.paused_until > ?)")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, Timestamp.from(now))
            .setParameter(5, Timestamp.from(now))
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    return rows.stream()
        .map(r -> new NumberKey(((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
        .toList();
  }

  /**
   * Claims up to {@code max} due rows of one number: conversation replies and single templates
   * first, then campaign sends, each lane oldest first.
   */
  public List<Queued> claimNumber(
      NumberKey number, Instant now, Instant leaseUntil, String owner, int max, boolean campaign) {
    List<Queued> out = new ArrayList<>();
    for (LeaseClaims.Spec spec : campaign ? List.of(REPLIES, CAMPAIGN) : List.of(REPLIES)) {
      if (out.size() >= max) {
        break;
      }
      List<Object[]> rows =
          OutboxBatches.claimRows(em, spec, number, now, leaseUntil, owner, max - out.size());
      for (Object[] row : rows) {
        out.add(
            new Queued(
                new Claim(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()),
                (String) row[3],
                spec == CAMPAIGN));
      }
    }
    return out;
  }

  /** A taken slot and the number's rate at that moment. */
  public record Slot(Instant at, int perSecond) {}

  @Inject
  @ConfigProperty(name = "kretanote.outbound.default-per-second", defaultValue = "80")
  int standardPerSecond;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.high-per-second", defaultValue = "1000")
  int highPerSecond;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.per-second-override", defaultValue = "0")
  int overridePerSecond;

  /** The number's limit per second now (see {@link Pacing#perSecond}). */
  public int perSecond(NumberKey number) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.throughput_level, p.per_second from whatsapp_connection c"
                    + " left join send_pace p on p.tenant_id = c.tenant_id and p.connection_id = c.id"
                    + " where c.tenant_id = ? and c.id = ?")
            .setParameter(1, number.tenantId())
            .setParameter(2, number.connectionId())
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    String level = rows.isEmpty() ? null : (String) rows.get(0)[0];
    Integer stored =
        rows.isEmpty() || rows.get(0)[1] == null ? null : ((Number) rows.get(0)[1]).intValue();
    return Pacing.perSecond(stored, overridePerSecond, level, standardPerSecond, highPerSecond);
  }

  /**
   * The next throughput slots of one number for these rows, in order, and each row moved to SENDING
   * in the same transaction: from here on the message may reach Meta, so it never goes back to the
   * queue by itself. One lock of the number's shared {@code send_pace} row for all of them, so the
   * limit holds across servers. An empty slot: the row is no longer this server's, or the number is
   * paused or booked beyond {@code maxWait} (then the row is given back, due at that time).
   */
  public List<Optional<Slot>> takeSlots(
      NumberKey number,
      List<Claim> rows,
      String owner,
      Instant now,
      Duration lease,
      Duration maxWait) {
    // Not INSERT IGNORE: on an existing row it takes a shared lock, and two senders upgrading
    // their shared locks to the FOR UPDATE below deadlock. ON DUPLICATE KEY UPDATE locks
    // exclusively at once.
    em.createNativeQuery(
            "insert into send_pace (tenant_id, connection_id, next_slot_at) values (?, ?, ?)"
                + " on duplicate key update tenant_id = tenant_id")
        .setParameter(1, number.tenantId())
        .setParameter(2, number.connectionId())
        .setParameter(3, Timestamp.from(now))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
    Object[] pace =
        (Object[])
            em.createNativeQuery(
                    "select next_slot_at, paused_until from send_pace"
                        + " where tenant_id = ? and connection_id = ? for update")
                .setParameter(1, number.tenantId())
                .setParameter(2, number.connectionId())
                .setHint(ALLOW_NATIVE, "true")
                .getSingleResult();
    int perSecond = perSecond(number);
    Duration spacing = Pacing.spacing(perSecond);
    Instant next = instant(pace[0]);
    Instant paused = instant(pace[1]);
    // The slots in order, as if every row were still ours (a row that is not leaves a gap: never
    // closer spacing); then all rows into SENDING with one statement, and one read of which were.
    List<Instant> booked = new ArrayList<>(rows.size());
    List<Claim> sending = new ArrayList<>(rows.size());
    for (Claim claim : rows) {
      Instant slot = Pacing.slot(now, next, paused);
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
        booked.add(null);
        continue;
      }
      booked.add(slot);
      sending.add(claim);
      next = slot.plus(spacing);
    }
    java.util.Set<Long> taken =
        OutboxBatches.toSending(em, number, sending, booked, owner, now, lease);
    boolean moved = !taken.isEmpty();
    List<Optional<Slot>> slots = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      slots.add(
          booked.get(i) != null && taken.contains(rows.get(i).id())
              ? Optional.of(new Slot(booked.get(i), perSecond))
              : Optional.empty());
    }
    if (moved) {
      em.createNativeQuery(
              "update send_pace set next_slot_at = ? where tenant_id = ? and connection_id = ?")
          .setParameter(1, Timestamp.from(next))
          .setParameter(2, number.tenantId())
          .setParameter(3, number.connectionId())
          .setHint(ALLOW_NATIVE, "true")
          .executeUpdate();
    }
    return slots;
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

  /**
   * Holds the whole number back until {@code until}: Meta's throughput errors ({@code throttled}
   * counts them), or a call Meta did not answer.
   */
  public void pauseNumber(long tenantId, long connectionId, Instant until, boolean throttled) {
    em.createNativeQuery(
            "update send_pace set paused_until = ?, throttled = throttled + "
                + (throttled ? 1 : 0)
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

  /** Gives claimed rows back untouched, in one transaction. */
  public void releaseAll(List<Claim> rows, String owner) {
    for (Claim c : rows) {
      release(c, owner);
    }
  }

  /**
   * SENDING rows whose server died mid-call become UNKNOWN; returns how many. The expired rows are
   * found with a plain read first and only those are updated, by tenant and id, with the condition
   * checked again: an {@code UPDATE ... WHERE state = 'SENDING'} would lock every row in flight
   * (and the index range new SENDING rows go into) on every round, holding up the answers being
   * stored and the next block's move into SENDING, and deadlocking with them (measured: statements
   * waiting up to 1.9 s, a few deadlocks a minute, with 50 calls of one number in flight).
   */
  public int expireSending(Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> expired =
        em.createNativeQuery(
                "select tenant_id, id from outbox where state = 'SENDING' and lease_until < ?"
                    + " limit 500")
            .setParameter(1, Timestamp.from(now))
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    int n = 0;
    for (Object[] row : expired) {
      n +=
          em.createNativeQuery(
                  "update outbox set state = 'UNKNOWN', lease_owner = null, lease_until = null,"
                      + " updated_at = ?, outcome = 'The sending server stopped during the call"
                      + " to Meta; the message may have gone out and is not sent again"
                      + " automatically.' where tenant_id = ? and id = ? and state = 'SENDING'"
                      + " and lease_until < ?")
              .setParameter(1, Timestamp.from(now))
              .setParameter(2, ((Number) row[0]).longValue())
              .setParameter(3, ((Number) row[1]).longValue())
              .setParameter(4, Timestamp.from(now))
              .setHint(ALLOW_NATIVE, "true")
              .executeUpdate();
    }
    return n;
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
