package in.picode.kretanote.outbound.control;

import in.picode.kretanote.outbound.boundary.OutboundWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A tenant may send while its account is active (not being deleted, see retention) and billing
 * finds its subscription in good standing (trial, active, past due within the grace period).
 * Outbound reads billing's answer; billing never calls into outbound.
 */
@ApplicationScoped
public class BillingTenantStanding implements TenantStanding {

  @Inject in.picode.kretanote.billing.boundary.Standing billing;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Override
  public TenantStanding.Standing of(long tenantId) {
    Object status =
        em.createNativeQuery("select status from tenant where id = ?")
            .setParameter(1, tenantId)
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (!"ACTIVE".equals(status)) {
      return TenantStanding.Standing.suspended(
          "DELETION_PENDING".equals(status)
              ? OutboundWords.ACCOUNT_DELETING.with()
              : OutboundWords.ACCOUNT_INACTIVE.with());
    }
    Optional<Wording> refusal = billing.sendingRefusal(tenantId);
    return refusal.map(TenantStanding.Standing::suspended).orElseGet(TenantStanding.Standing::good);
  }
}
