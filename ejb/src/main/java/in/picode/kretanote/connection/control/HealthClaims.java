package in.picode.kretanote.connection.control;

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

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  public record Claim(long tenantId, long connectionId) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claimDue(Instant now, Instant nextProbe, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, tenant_id from whatsapp_connection"
                    + " where status in ('CONNECTED', 'RECONNECT_NEEDED') and next_probe_at <= ?"
                    + " order by next_probe_at, id limit ? for update skip locked")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, max)
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    List<Claim> claims = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      em.createNativeQuery("update whatsapp_connection set next_probe_at = ? where id = ?")
          .setParameter(1, Timestamp.from(nextProbe))
          .setParameter(2, id)
          .setHint(ALLOW_NATIVE, "true")
          .executeUpdate();
      claims.add(new Claim(((Number) row[1]).longValue(), id));
    }
    return claims;
  }
}
