package in.picode.kretanote.billing.control;

import in.picode.kretanote.billing.boundary.Usage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Usage of one tenant in a period, counted from the stored messages: sent and received messages,
 * conversations with traffic, and Meta's cost estimated from the pricing Meta reported on each
 * billable outbound message (category × the configured rate). Native SQL with an explicit tenant
 * filter: billing reads messaging's table without depending on its classes.
 */
@Dependent
public class UsageMeter {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject BillingSettings settings;

  public Usage of(long tenantId, Instant from, Instant to) {
    long sent = 0;
    long received = 0;
    @SuppressWarnings("unchecked")
    List<Object[]> byDirection =
        em.createNativeQuery(
                "select direction, count(*) from message where tenant_id = ? and created_at >= ?"
                    + " and created_at < ? group by direction")
            .setParameter(1, tenantId)
            .setParameter(2, Timestamp.from(from))
            .setParameter(3, Timestamp.from(to))
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    for (Object[] row : byDirection) {
      long n = ((Number) row[1]).longValue();
      if ("OUTBOUND".equals(row[0])) {
        sent = n;
      } else {
        received = n;
      }
    }
    Number conversations =
        (Number)
            em.createNativeQuery(
                    "select count(distinct conversation_id) from message where tenant_id = ?"
                        + " and created_at >= ? and created_at < ?")
                .setParameter(1, tenantId)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .setHint(ALLOW_NATIVE, "true")
                .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> byCategory =
        em.createNativeQuery(
                "select coalesce(pricing_category, 'unknown'), count(*) from message"
                    + " where tenant_id = ? and direction = 'OUTBOUND' and billable = true"
                    + " and created_at >= ? and created_at < ? group by pricing_category")
            .setParameter(1, tenantId)
            .setParameter(2, Timestamp.from(from))
            .setParameter(3, Timestamp.from(to))
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    Map<String, Long> categories = new LinkedHashMap<>();
    long perMilleTotal = 0;
    for (Object[] row : byCategory) {
      String category = ((String) row[0]).toLowerCase(Locale.ROOT);
      long n = ((Number) row[1]).longValue();
      categories.merge(category, n, Long::sum);
      perMilleTotal += n * settings.metaRatesPerThousand().getOrDefault(category, 0L);
    }
    return new Usage(
        from,
        to,
        sent,
        received,
        conversations == null ? 0 : conversations.longValue(),
        categories,
        Proration.share(perMilleTotal, 1, 1000),
        settings.metaCurrency());
  }
}
