package in.picode.kretanote.platform.boundary;

import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The current tenant's audit log; OWNER and ADMIN read it in settings, newest first, a page at a
 * time by keyset (the last entry shown is where the next page starts), so paging deep into a long
 * log stays as fast as the first page.
 */
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
        .setMaxResults(limit(max))
        .getResultList();
  }

  /**
   * The entries older than the one with id {@code beforeId}. An id that is not in the current
   * tenant's log (another tenant's, or made up) gives an empty page, never someone else's entries.
   */
  public List<AuditEvent> olderThan(long beforeId, int max) {
    AuditEvent start = em.find(AuditEvent.class, beforeId);
    if (start == null) {
      return List.of();
    }
    return em.createNamedQuery(AuditEvent.OLDER, AuditEvent.class)
        .setParameter("at", start.getOccurredAt())
        .setParameter("id", start.getId())
        .setMaxResults(limit(max))
        .getResultList();
  }

  private static int limit(int max) {
    return Math.min(Math.max(max, 1), 500);
  }
}
