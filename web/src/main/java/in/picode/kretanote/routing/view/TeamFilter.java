package in.picode.kretanote.routing.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.Team;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The inbox's team filter: any team, "My teams", or one team. The inbox passes {@link #teamIds()}
 * to its query; what an agent restricted to their teams may see is enforced by the query itself.
 */
@Named
@ViewScoped
public class TeamFilter implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String MINE = "mine";

  @Inject transient Teams teams;
  @Inject CurrentUser user;

  private List<Team> all = List.of();
  private String value = "";

  @PostConstruct
  void load() {
    all = teams.all().stream().map(Teams.TeamView::team).toList();
  }

  /** The teams whose conversations to list, or null for any. */
  public List<Long> teamIds() {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (MINE.equals(value)) {
      return teams.teamsOf(user.getUserId());
    }
    return value.matches("[0-9]{1,18}") ? List.of(Long.parseLong(value)) : null;
  }

  public List<Team> getTeams() {
    return all;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
