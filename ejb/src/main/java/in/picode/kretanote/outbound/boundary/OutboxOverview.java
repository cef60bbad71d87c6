package in.picode.kretanote.outbound.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox of all tenants at a glance, for platform operators: how many rows are in each state,
 * how long the oldest waiting one has waited, and the sends of the last hour by result. Counts
 * only, never a recipient or a message.
 */
@Stateless
public class OutboxOverview {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** The figures; {@code oldestWaiting} is zero when nothing waits. */
  public record Figures(
      Map<String, Long> byState, Duration oldestWaiting, Map<String, Long> lastHour) {}

  public Figures figures() {
    Map<String, Long> byState = counts("SELECT state, COUNT(*) FROM outbox GROUP BY state");
    Map<String, Long> lastHour =
        counts(
            "SELECT state, COUNT(*) FROM outbox WHERE state IN ('SENT', 'FAILED', 'REFUSED')"
                + " AND updated_at > NOW(6) - INTERVAL 1 HOUR GROUP BY state");
    Object oldest =
        em.createNativeQuery(
                "SELECT TIMESTAMPDIFF(SECOND, MIN(created_at), NOW(6)) FROM outbox"
                    + " WHERE state IN ('QUEUED', 'RETRY')")
            .setHint(ALLOW_NATIVE, "true")
            .getSingleResult();
    return new Figures(
        byState, Duration.ofSeconds(oldest == null ? 0 : ((Number) oldest).longValue()), lastHour);
  }

  private Map<String, Long> counts(String sql) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setHint(ALLOW_NATIVE, "true").getResultList();
    Map<String, Long> out = new TreeMap<>();
    for (Object[] r : rows) {
      out.put((String) r[0], ((Number) r[1]).longValue());
    }
    return out;
  }
}
