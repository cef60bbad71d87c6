package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warns before a response is due: every clock whose answer is due within {@code
 * kretanote.sla.warn-before-minutes} and was not warned about for that due time is claimed ({@link
 * SlaClocks#claimWarning}, versioned, so two servers never both warn) and announced as {@link
 * SlaWarning}, each in a transaction of its own for its tenant. Works across tenants, so it is not
 * tenant-scoped; every statement names the tenant it touches.
 */
@Stateless
public class SlaWarnings {

  static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";
  static final int BATCH = 200;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject SlaClocks clocks;

  @Inject
  @ConfigProperty(name = "kretanote.sla.warn-before-minutes", defaultValue = "15")
  int warnBeforeMinutes;

  /** Claims and announces the due warnings; returns how many. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int warnDue() {
    Instant now = Instant.now(clock);
    Timestamp horizon = Timestamp.from(now.plus(Duration.ofMinutes(warnBeforeMinutes)));
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        em.createNativeQuery(
                "SELECT id, tenant_id FROM sla_clock WHERE response_due IS NOT NULL"
                    + " AND response_due <= ? AND (warned_due IS NULL OR warned_due <> response_due)"
                    + " ORDER BY response_due LIMIT "
                    + BATCH)
            .setHint(NATIVE, "true")
            .setParameter(1, horizon)
            .getResultList();
    int warned = 0;
    for (Object[] row : due) {
      long id = ((Number) row[0]).longValue();
      long tenant = ((Number) row[1]).longValue();
      boolean[] done = {false};
      try {
        Tenancy.runAs(tenant, () -> done[0] = clocks.claimWarning(id));
      } catch (EJBException e) {
        // another server claimed it first (version conflict): it warns
      }
      if (done[0]) {
        warned++;
      }
    }
    return warned;
  }
}
