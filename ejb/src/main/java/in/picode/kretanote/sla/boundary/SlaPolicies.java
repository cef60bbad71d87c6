package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.sla.entity.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/** The current business's SLA targets (the business-wide policy; per team after teams merge). */
@Stateless
@TenantScoped
public class SlaPolicies {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;

  public SlaPolicy current() {
    return em.createNamedQuery(SlaPolicy.OF_BUSINESS, SlaPolicy.class)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> SlaPolicy.none(Instant.now(clock)));
  }

  /** Saves every target; null minutes: no target. Refuses with every problem at once. */
  public SlaPolicy save(
      Integer firstResponseMinutes,
      Integer nextResponseMinutes,
      Integer resolutionMinutes,
      boolean businessHours) {
    SlaPolicy p = current();
    try {
      p.change(
          firstResponseMinutes,
          nextResponseMinutes,
          resolutionMinutes,
          businessHours,
          Instant.now(clock));
    } catch (IllegalArgumentException e) {
      throw new SlaRefusedException(e.getMessage());
    }
    if (p.getId() == null) {
      em.persist(p);
    }
    em.flush();
    return p;
  }
}
