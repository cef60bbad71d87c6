package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.csat.entity.CsatSetting;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
    List<Wording> problems =
        CsatSetting.problems(question, templateName, templateLanguage, commentMinutes);
    if (!problems.isEmpty()) {
      throw new CsatRefusedException(problems);
    }
    CsatSetting s = current();
    s.change(enabled, question, templateName, templateLanguage, commentMinutes, Instant.now(clock));
    if (s.getId() == null) {
      em.persist(s);
    }
    em.flush();
    return s;
  }
}
