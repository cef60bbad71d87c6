package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.sla.entity.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current business's SLA targets: the business-wide policy, and a team's own policy that
 * replaces it for the team's conversations (a team without one follows the business's).
 */
@Stateless
@TenantScoped
public class SlaPolicies {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject Teams teams;

  public SlaPolicy current() {
    return em.createNamedQuery(SlaPolicy.OF_BUSINESS, SlaPolicy.class)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> SlaPolicy.none(Instant.now(clock)));
  }

  /** The team's own policy, if it has one. */
  public Optional<SlaPolicy> ofTeam(long teamId) {
    return em.createNamedQuery(SlaPolicy.OF_TEAM, SlaPolicy.class)
        .setParameter("team", teamId)
        .getResultStream()
        .findFirst();
  }

  /** The policy a conversation of team {@code teamId} (null: none) is held to. */
  public SlaPolicy forTeam(Long teamId) {
    return teamId == null ? current() : ofTeam(teamId).orElseGet(this::current);
  }

  /**
   * Saves team {@code teamId}'s own targets (as {@link #save}); a team of another business, or
   * none, is refused.
   */
  public SlaPolicy saveForTeam(
      long teamId,
      Integer firstResponseMinutes,
      Integer nextResponseMinutes,
      Integer resolutionMinutes,
      boolean businessHours) {
    if (teams.find(teamId).isEmpty()) {
      throw new SlaRefusedException(SlaWords.NO_SUCH_TEAM.with());
    }
    SlaPolicy p = ofTeam(teamId).orElseGet(() -> SlaPolicy.ofTeam(teamId, Instant.now(clock)));
    return store(p, firstResponseMinutes, nextResponseMinutes, resolutionMinutes, businessHours);
  }

  /** The team follows the business's targets again; false when it had none of its own. */
  public boolean removeTeamPolicy(long teamId) {
    Optional<SlaPolicy> p = ofTeam(teamId);
    p.ifPresent(em::remove);
    return p.isPresent();
  }

  /** Saves every target; null minutes: no target. Refuses with every problem at once. */
  public SlaPolicy save(
      Integer firstResponseMinutes,
      Integer nextResponseMinutes,
      Integer resolutionMinutes,
      boolean businessHours) {
    return store(
        current(), firstResponseMinutes, nextResponseMinutes, resolutionMinutes, businessHours);
  }

  private SlaPolicy store(
      SlaPolicy p,
      Integer firstResponseMinutes,
      Integer nextResponseMinutes,
      Integer resolutionMinutes,
      boolean businessHours) {
    List<Wording> problems =
        SlaPolicy.problems(firstResponseMinutes, nextResponseMinutes, resolutionMinutes);
    if (!problems.isEmpty()) {
      throw new SlaRefusedException(problems);
    }
    p.change(
        firstResponseMinutes,
        nextResponseMinutes,
        resolutionMinutes,
        businessHours,
        Instant.now(clock));
    if (p.getId() == null) {
      em.persist(p);
    }
    em.flush();
    return p;
  }
}
