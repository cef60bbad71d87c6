package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.csat.entity.CsatSetting;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/** The current tenant's survey settings; without a saved row the survey is off. */
@Stateless
@TenantScoped
public class CsatSettings {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;

  public CsatSetting current() {
    return em.createNamedQuery(CsatSetting.CURRENT, CsatSetting.class)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> CsatSetting.defaults(Instant.now(clock)));
  }

  /** Saves all fields; refuses with every problem at once ({@link CsatRefusedException}). */
  public CsatSetting save(
      boolean enabled,
      String question,
      String templateName,
      String templateLanguage,
      int commentMinutes) {
    CsatSetting s = current();
    try {
      s.change(
          enabled, question, templateName, templateLanguage, commentMinutes, Instant.now(clock));
    } catch (IllegalArgumentException e) {
      throw new CsatRefusedException(e.getMessage());
    }
    if (s.getId() == null) {
      em.persist(s);
    }
    em.flush();
    return s;
  }
}
