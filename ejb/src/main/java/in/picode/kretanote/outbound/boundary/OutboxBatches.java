package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.LeaseClaims;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statements of {@link OutboxClaims} that handle a whole block of one number's rows at once
 * (one lease, one move into SENDING), in the caller's transaction. Native SQL on constant text; the
 * rows are named by tenant and id.
 */
final class OutboxBatches {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  private OutboxBatches() {}

  /**
   * Selects due rows with {@code FOR UPDATE SKIP LOCKED} and leases them in one statement, {@code
   * tenant_id = ? and id in (...)}: the rows are locked by this transaction already and the primary
   * key (or {@code outbox_tenant_id_uk}) names them, so the update touches no other row.
   */
  static List<Object[]> claimRows(
      EntityManager em,
      LeaseClaims.Spec spec,
      OutboxClaims.NumberKey number,
      Instant now,
      Instant leaseUntil,
      String owner,
      int max) {
    Query select = em.createNativeQuery(spec.selectSql()).setHint(ALLOW_NATIVE, "true");
    select.setParameter(1, number.tenantId());
    select.setParameter(2, number.connectionId());
    select.setParameter(3, Timestamp.from(now));
    select.setParameter(4, Timestamp.from(now));
    select.setParameter(5, max);
    List<Object[]> rows = new ArrayList<>();
    for (Object r : select.getResultList()) {
      rows.add((Object[]) r);
    }
    if (rows.isEmpty()) {
      return rows;
    }
    Query lease =
        em.createNativeQuery(
                "update outbox set lease_owner = ?, lease_until = ? where tenant_id = ? and id in ("
                    + String.join(", ", Collections.nCopies(rows.size(), "?"))
                    + ")")
            .setHint(ALLOW_NATIVE, "true")
            .setParameter(1, owner)
            .setParameter(2, Timestamp.from(leaseUntil))
            .setParameter(3, number.tenantId());
    for (int i = 0; i < rows.size(); i++) {
      lease.setParameter(4 + i, ((Number) rows.get(i)[0]).longValue());
    }
    lease.executeUpdate();
    return rows;
  }

  /**
   * Moves the rows that are still this server's into SENDING at their slots, in one statement
   * ({@code CASE id} for each row's slot), and returns the ids that moved.
   */
  static java.util.Set<Long> toSending(
      EntityManager em,
      OutboxClaims.NumberKey number,
      List<OutboxClaims.Claim> rows,
      List<Instant> booked,
      String owner,
      Instant now,
      Duration lease) {
    java.util.Set<Long> taken = new java.util.HashSet<>();
    if (rows.isEmpty()) {
      return taken;
    }
    List<Instant> slots = booked.stream().filter(java.util.Objects::nonNull).toList();
    // The ids are written as numbers (longs from the claim, never text from outside) and only the
    // slots are parameters: EclipseLink matches every positional parameter by a linear search,
    // so five parameters a row made a block's statement quadratic in its size.
    StringBuilder whens = new StringBuilder();
    for (OutboxClaims.Claim c : rows) {
      whens.append(" when ").append(c.id()).append(" then ?");
    }
    String ids = String.join(", ", rows.stream().map(c -> Long.toString(c.id())).toList());
    Query update =
        em.createNativeQuery(
                "update outbox set state = 'SENDING', last_attempt_at = case id"
                    + whens
                    + " end, lease_until = case id"
                    + whens
                    + " end, updated_at = ? where tenant_id = ? and lease_owner = ?"
                    + " and state in ('QUEUED', 'RETRY') and id in ("
                    + ids
                    + ")")
            .setHint(ALLOW_NATIVE, "true");
    int p = 1;
    for (int i = 0; i < rows.size(); i++) {
      update.setParameter(p++, Timestamp.from(slots.get(i)));
    }
    for (int i = 0; i < rows.size(); i++) {
      update.setParameter(p++, Timestamp.from(slots.get(i).plus(lease)));
    }
    update.setParameter(p++, Timestamp.from(now));
    update.setParameter(p++, number.tenantId());
    update.setParameter(p++, owner);
    if (update.executeUpdate() == 0) {
      return taken;
    }
    Query read =
        em.createNativeQuery(
                "select id from outbox where tenant_id = ? and lease_owner = ?"
                    + " and state = 'SENDING' and id in ("
                    + ids
                    + ")")
            .setHint(ALLOW_NATIVE, "true")
            .setParameter(1, number.tenantId())
            .setParameter(2, owner);
    for (Object id : read.getResultList()) {
      taken.add(((Number) id).longValue());
    }
    return taken;
  }

  /**
   * Meta took the rows of {@code answers}: they become SENT ("accepted by Meta", lease given back)
   * in one statement, as {@code OutboxEntry.sent} does row by row; the version moves on so a
   * concurrent entity write of the same row fails as it would have. The rows' update time is the
   * latest answer's.
   */
  static int sent(EntityManager em, long tenantId, List<OutboxAttempts.Answer> answers) {
    Instant at =
        answers.stream().map(OutboxAttempts.Answer::at).max(Instant::compareTo).orElseThrow();
    String ids = String.join(", ", answers.stream().map(a -> Long.toString(a.outboxId())).toList());
    return em.createNativeQuery(
            "update outbox set state = 'SENT', error_code = null, refusal_code = null,"
                + " outcome = ?, lease_until = null, lease_owner = null,"
                + " updated_at = ?, version = version + 1 where tenant_id = ? and id in ("
                + ids
                + ")")
        .setHint(ALLOW_NATIVE, "true")
        .setParameter(1, OutboxEntry.ACCEPTED)
        .setParameter(2, Timestamp.from(at))
        .setParameter(3, tenantId)
        .executeUpdate();
  }
}
