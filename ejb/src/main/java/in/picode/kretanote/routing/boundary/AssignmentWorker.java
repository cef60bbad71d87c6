package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Runs the passes of {@link AutoAssignment} for a business: right after a change that may make a
 * conversation assignable (asynchronously, so the change's own request does not wait), and every
 * minute from {@link RoutingTimer} for whatever still waits (an agent came back, a server died
 * between commit and pass). The passes claim nothing in memory: any server may run them.
 */
@Stateless
public class AssignmentWorker {

  private static final Logger LOG = System.getLogger(AssignmentWorker.class.getName());

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AutoAssignment auto;

  @Asynchronous
  public void drainLater(long tenantId) {
    try {
      drain(tenantId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Automatic assignment for tenant {0} failed; retried within a minute: {1}",
          tenantId,
          e.toString());
    }
  }

  /** Assigns what can be assigned of the business's waiting conversations now. */
  public void drain(long tenantId) {
    Tenancy.runAs(
        tenantId,
        () -> {
          while (auto.drainPass()) {
            // another batch
          }
        });
  }

  /** The businesses with waiting conversations. */
  public List<Long> tenantsWaiting() {
    return em
        .createNativeQuery("SELECT DISTINCT tenant_id FROM routing_wait")
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .getResultList()
        .stream()
        .map(o -> ((Number) o).longValue())
        .toList();
  }
}
