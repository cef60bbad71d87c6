package in.picode.kretanote.routing.view;

import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.routing.boundary.Actor;
import in.picode.kretanote.routing.boundary.Assignments;
import in.picode.kretanote.routing.boundary.RoutingRefusedException;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.AssignmentRecord;
import in.picode.kretanote.routing.entity.Team;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The conversation page's team select and assignment history. The conversation is the page's {@code
 * ?id=}; one the user may not see shows nothing here (the page itself answers 404).
 */
@Named
@ViewScoped
public class ConversationTeamBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Assignments assignments;
  @Inject transient Teams teams;
  @Inject CurrentUser user;

  private Long conversationId;
  private Long teamId;
  private List<Team> all = List.of();

  @PostConstruct
  void load() {
    conversationId =
        PageMessages.parseId(
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("id"));
    all = teams.all().stream().map(Teams.TeamView::team).toList();
    refresh();
  }

  private void refresh() {
    if (conversationId == null) {
      return;
    }
    try {
      Team t = assignments.teamOf(conversationId);
      teamId = t == null ? null : t.getId();
    } catch (RuntimeException e) {
      conversationId = null;
    }
  }

  public void move() {
    if (conversationId == null) {
      return;
    }
    Long id = conversationId;
    Long to = teamId;
    if (PageMessages.attempt(
        RoutingRefusedException.class,
        () ->
            assignments.moveToTeam(
                id, to, new Actor(user.getUserId(), user.getEmail(), user.getClientAddress())))) {
      PageMessages.info(TeamsBean.text(to == null ? "team.takenOut" : "team.moved"));
    }
    refresh();
  }

  public List<AssignmentRecord> getHistory() {
    if (conversationId == null) {
      return List.of();
    }
    try {
      return assignments.history(conversationId);
    } catch (ConversationNotFoundException e) {
      return List.of();
    } catch (jakarta.ejb.EJBException e) {
      return List.of();
    }
  }

  public boolean isShown() {
    return conversationId != null;
  }

  public List<Team> getTeams() {
    return all;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }
}
