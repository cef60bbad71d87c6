package in.picode.kretanote.connection.control;

import in.picode.kretanote.platform.control.LeaseClaims;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims the connections that are due for a health probe, across all tenants, in one short
 * transaction of its own: {@code SELECT ... FOR UPDATE SKIP LOCKED} (MariaDB 10.6 and later) picks
 * due rows no other server is claiming right now, and moving their {@code next_probe_at} one
 * interval ahead before the commit means no server sees them as due again until then. Two servers
 * running the same schedule therefore never probe (or notify about) the same connection twice.
 * Native SQL, because claiming works for all tenants at once; it reads and writes nothing but ids
 * and {@code next_probe_at}.
 */
@Stateless
public class HealthClaims {

  /** Due connected numbers, soonest first; taking one moves its next probe one interval on. */
  static final LeaseClaims.Spec CLAIM =
      new LeaseClaims.Spec(
          "whatsapp_connection",
          "id, tenant_id",
          "status in ('CONNECTED', 'RECONNECT_NEEDED') and next_probe_at <= ?",
          "next_probe_at, id",
          "next_probe_at = ?");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  public record Claim(long tenantId, long connectionId) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claimDue(Instant now, Instant nextProbe, int max) {
    List<Object[]> rows =
        LeaseClaims.claim(
            em, CLAIM, List.of(Timestamp.from(now)), max, List.of(Timestamp.from(nextProbe)));
    List<Claim> claims = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      claims.add(new Claim(((Number) row[1]).longValue(), ((Number) row[0]).longValue()));
    }
    return claims;
  }
}
