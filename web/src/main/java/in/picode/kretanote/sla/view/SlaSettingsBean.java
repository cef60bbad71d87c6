package in.picode.kretanote.sla.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.Team;
import in.picode.kretanote.sla.boundary.SlaPolicies;
import in.picode.kretanote.sla.boundary.SlaRefusedException;
import in.picode.kretanote.sla.entity.SlaPolicy;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Settings → Service levels (OWNER and ADMIN): the business's targets in minutes, and a team's own
 * targets, which replace the business's for that team's conversations.
 */
@Named
@ViewScoped
public class SlaSettingsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String TEXTS = "in.picode.kretanote.sla.view.SlaTeamTexts";

  @Inject transient SlaPolicies policies;
  @Inject transient Teams teams;

  /** Whose targets the form shows: null for the business, else a team. */
  private Long teamId;

  private boolean teamHasOwn;

  private Integer firstResponse;
  private Integer nextResponse;
  private Integer resolution;
  private boolean businessHours;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    show();
  }

  /** Fills the form with the chosen team's targets (the business's while it has none). */
  public void show() {
    Optional<SlaPolicy> own = teamId == null ? Optional.empty() : policies.ofTeam(teamId);
    teamHasOwn = own.isPresent();
    SlaPolicy p = own.orElseGet(policies::current);
    firstResponse = p.getFirstResponseMinutes();
    nextResponse = p.getNextResponseMinutes();
    resolution = p.getResolutionMinutes();
    businessHours = p.isBusinessHours();
  }

  public void save() {
    if (PageMessages.attempt(
        SlaRefusedException.class,
        () -> {
          if (teamId == null) {
            policies.save(firstResponse, nextResponse, resolution, businessHours);
          } else {
            policies.saveForTeam(teamId, firstResponse, nextResponse, resolution, businessHours);
          }
        })) {
      PageMessages.info(Texts.of(SlaViewBean.BUNDLE, "settings.saved"));
      teamHasOwn = teamId != null;
    }
  }

  /** The chosen team follows the business's targets again. */
  public void useBusinessTargets() {
    if (teamId != null && policies.removeTeamPolicy(teamId)) {
      PageMessages.info(Texts.of(TEXTS, "removed"));
    }
    show();
  }

  public List<Team> getTeams() {
    return teams.all().stream().map(Teams.TeamView::team).toList();
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }

  public boolean isTeamHasOwn() {
    return teamHasOwn;
  }

  public Integer getFirstResponse() {
    return firstResponse;
  }

  public void setFirstResponse(Integer firstResponse) {
    this.firstResponse = firstResponse;
  }

  public Integer getNextResponse() {
    return nextResponse;
  }

  public void setNextResponse(Integer nextResponse) {
    this.nextResponse = nextResponse;
  }

  public Integer getResolution() {
    return resolution;
  }

  public void setResolution(Integer resolution) {
    this.resolution = resolution;
  }

  public boolean isBusinessHours() {
    return businessHours;
  }

  public void setBusinessHours(boolean businessHours) {
    this.businessHours = businessHours;
  }
}
