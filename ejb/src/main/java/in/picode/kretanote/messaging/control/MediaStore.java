package in.picode.kretanote.messaging.control;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The downloader's side of the {@code media} table, across all tenants, in short transactions of
 * its own. Claiming picks due PENDING rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} and
 * stamps them with a lease before the commit, so two servers (or two workers) never download the
 * same row while the lease runs; every later write names the lease owner and changes nothing when
 * the lease went to someone else. Native SQL because it works for all tenants at once; every
 * statement names the tenant of the row it writes.
 */
@Stateless
public class MediaStore {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";
  static final int ERROR_MAX = 500;

  /** Due PENDING rows with no running lease, oldest id first, leased by the database clock. */
  static final LeaseClaims.Spec CLAIM =
      new LeaseClaims.Spec(
          "media",
          "id",
          "state = 'PENDING' and (next_attempt_at is null or next_attempt_at <= now(6))"
              + " and (lease_until is null or lease_until < now(6))",
          "id",
          "lease_owner = ?, lease_until = now(6) + interval ? second, attempts = attempts + 1");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** A claimed row with what the download needs. */
  public record Claim(
      long id,
      long tenantId,
      long connectionId,
      String mediaId,
      String webhookSha256,
      String mimeType,
      int attempts) {}

  public enum Counted {
    PENDING,
    FAILED
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claim(String owner, int max, Duration lease) {
    List<Object[]> ids =
        LeaseClaims.claim(
            em, CLAIM, List.of(), max, List.of(owner, Math.max(1, lease.toSeconds())));
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Claim> claims = new ArrayList<>(ids.size());
    for (Object[] raw : ids) {
      long id = ((Number) raw[0]).longValue();
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select m.tenant_id, g.connection_id, m.media_id, m.sha256, m.mime_type,"
                      + " m.attempts from media m join message g"
                      + " on g.tenant_id = m.tenant_id and g.id = m.message_id where m.id = ?")
              .setParameter(1, id)
              .setHint(ALLOW_NATIVE, "true")
              .getResultList();
      for (Object[] r : rows) {
        claims.add(
            new Claim(
                id,
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                ((Number) r[5]).intValue()));
      }
    }
    return claims;
  }

  /** Records a stored file; false when the lease was lost (someone else owns the row now). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean downloaded(
      Claim claim, String owner, String filePath, long size, String sha256Hex, String mimeType) {
    return em.createNativeQuery(
                "update media set state = 'DOWNLOADED', file_path = ?, size_bytes = ?,"
                    + " sha256 = ?, mime_type = coalesce(?, mime_type), last_error = null,"
                    + " next_attempt_at = null, lease_owner = null, lease_until = null,"
                    + " downloaded_at = now(6), updated_at = now(6), version = version + 1"
                    + " where tenant_id = ? and id = ? and lease_owner = ? and state = 'PENDING'")
            .setParameter(1, filePath)
            .setParameter(2, size)
            .setParameter(3, sha256Hex)
            .setParameter(4, clip(mimeType, 255))
            .setParameter(5, claim.tenantId())
            .setParameter(6, claim.id())
            .setParameter(7, owner)
            .setHint(ALLOW_NATIVE, "true")
            .executeUpdate()
        == 1;
  }

  /** Hands the row back for a later attempt ({@code nextAttempt}), or ends it FAILED (null). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean failed(Claim claim, String owner, String error, Instant nextAttempt) {
    return em.createNativeQuery(
                "update media set state = ?, last_error = ?, next_attempt_at = ?,"
                    + " lease_owner = null, lease_until = null, updated_at = now(6),"
                    + " version = version + 1"
                    + " where tenant_id = ? and id = ? and lease_owner = ? and state = 'PENDING'")
            .setParameter(1, nextAttempt == null ? "FAILED" : "PENDING")
            .setParameter(2, clip(error, ERROR_MAX))
            .setParameter(3, nextAttempt == null ? null : Timestamp.from(nextAttempt))
            .setParameter(4, claim.tenantId())
            .setParameter(5, claim.id())
            .setParameter(6, owner)
            .setHint(ALLOW_NATIVE, "true")
            .executeUpdate()
        == 1;
  }

  /** PENDING and FAILED rows of all tenants, for the operators' gauges. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Map<Counted, Long> counts() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select state, count(*) from media where state in ('PENDING', 'FAILED')"
                    + " group by state")
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    Map<Counted, Long> counts = new EnumMap<>(Counted.class);
    counts.put(Counted.PENDING, 0L);
    counts.put(Counted.FAILED, 0L);
    for (Object[] r : rows) {
      counts.put(Counted.valueOf((String) r[0]), ((Number) r[1]).longValue());
    }
    return counts;
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
