package in.picode.kretanote.platform.boundary;

import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The current tenant's audit log; OWNER and ADMIN read it in settings. */
@Stateless
@TenantScoped
public class AuditLog {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public void record(
      Long actorId, String actorEmail, String action, String detail, String clientAddress) {
    em.persist(
        new AuditEvent(Instant.now(clock), actorId, actorEmail, action, detail, clientAddress));
  }

  public List<AuditEvent> latest(int max) {
    return em.createNamedQuery(AuditEvent.LATEST, AuditEvent.class)
        .setMaxResults(Math.min(Math.max(max, 1), 500))
        .getResultList();
  }
}
