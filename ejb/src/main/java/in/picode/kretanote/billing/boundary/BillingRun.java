package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One billing run over all tenants: finds the subscriptions with something due (a period end, a
 * payment retry, a grace period over) and lets each tenant's {@link BillingCycle} do it, one tenant
 * at a time, each step in its own transaction. The list is only a hint: the cycle re-checks under
 * the subscription's row lock, so two runs at once (two servers) do every step once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingRun {

  private static final System.Logger LOG = System.getLogger(BillingRun.class.getName());

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject BillingSettings settings;
  @Inject BillingCycle cycle;

  /** Returns how many tenants had something due. */
  public int runDue() {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    @SuppressWarnings("unchecked")
    List<Number> tenants =
        em.createNativeQuery(
                "select tenant_id from subscription where"
                    + " (status in ('TRIAL', 'ACTIVE', 'PAST_DUE') and period_end <= ?)"
                    + " or (status = 'PAST_DUE' and past_due_since <= ?)"
                    + " or (status <> 'CANCELLED' and next_retry_at <= ?)"
                    + " order by tenant_id")
            .setParameter(1, at)
            .setParameter(2, Timestamp.from(now.minus(settings.dunning().grace())))
            .setParameter(3, at)
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .getResultList();
    for (Number tenant : tenants) {
      try {
        runTenant(tenant.longValue());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Billing run for tenant {0} failed, retried next run: {1}",
            tenant,
            e.toString());
      }
    }
    return tenants.size();
  }

  /** {@link #runTenant} for the tenant the caller works for (a page, after a plan change). */
  public void runCurrentTenant() {
    runTenant(Tenancy.require());
  }

  /** What is due for one tenant now, including charging (used after a plan change too). */
  public void runTenant(long tenantId) {
    Tenancy.runAs(
        tenantId,
        () -> {
          for (Long invoice : cycle.advance()) {
            cycle.collect(invoice);
          }
        });
  }
}
