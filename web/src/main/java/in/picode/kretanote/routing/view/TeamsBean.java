package in.picode.kretanote.routing.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.Lists;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.routing.boundary.Actor;
import in.picode.kretanote.routing.boundary.Presence;
import in.picode.kretanote.routing.boundary.RoutingRefusedException;
import in.picode.kretanote.routing.boundary.RoutingSettings;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.AssignmentMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings, teams: the business's teams with members, assignment mode and open conversations, who
 * is available now, and the business-wide routing settings. Managers create, edit and delete;
 * agents see the same page without the forms (the boundary is not asked to change anything).
 */
@Named
@ViewScoped
public class TeamsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The bundle of the routing pages and parts. */
  static final String BUNDLE = "in.picode.kretanote.routing.view.RoutingTexts";

  @Inject transient Teams teams;
  @Inject transient Presence presence;
  @Inject transient RoutingSettings settings;
  @Inject CurrentUser user;

  private List<Teams.TeamView> rows = List.of();
  private List<Presence.Agent> people = List.of();
  private final Map<Long, String> names = new HashMap<>();
  private final TeamForm form = new TeamForm();
  private Long editing;
  private AssignmentMode noTeamMode;
  private Integer noTeamCapacity;
  private boolean restrictAgents;

  @PostConstruct
  void load() {
    rows = teams.all();
    people = presence.board();
    names.clear();
    people.forEach(a -> names.put(a.userId(), a.name()));
    RoutingSettings.Settings s = settings.current();
    noTeamMode = s.mode();
    noTeamCapacity = s.capacity();
    restrictAgents = s.restrictAgents();
  }

  public void create() {
    if (!user.isManager()) {
      return;
    }
    if (change(() -> teams.create(form.getName(), form.getDescription(), members(), actor()))) {
      PageMessages.info(text("teams.created", form.getName().strip()));
      form.clear();
    }
    load();
  }

  public void edit(long teamId) {
    rows.stream()
        .filter(r -> r.team().getId() == teamId)
        .findFirst()
        .ifPresent(
            r -> {
              editing = teamId;
              form.fill(r);
            });
  }

  public void save() {
    if (!user.isManager() || editing == null) {
      return;
    }
    long id = editing;
    if (change(
        () ->
            teams.save(
                id,
                form.getName(),
                form.getDescription(),
                members(),
                form.getMode(),
                form.getCapacity(),
                actor()))) {
      PageMessages.info(text("teams.saved", form.getName().strip()));
      cancel();
    }
    load();
  }

  public void cancel() {
    editing = null;
    form.clear();
  }

  public void delete(long teamId) {
    if (!user.isManager()) {
      return;
    }
    int[] moved = {0};
    if (change(() -> moved[0] = teams.delete(teamId, actor()))) {
      PageMessages.info(text("teams.deleted", moved[0]));
      if (Long.valueOf(teamId).equals(editing)) {
        cancel();
      }
    }
    load();
  }

  public void saveBusiness() {
    if (!user.isManager()) {
      return;
    }
    if (change(() -> settings.save(noTeamMode, noTeamCapacity, restrictAgents, actor()))) {
      PageMessages.info(text("teams.settingsSaved"));
    }
    load();
  }

  /** A text of the routing pages' bundle, in the page's language. */
  static String text(String key, Object... args) {
    return Texts.of(BUNDLE, key, args);
  }

  /** Runs a change; every problem of a refusal becomes a message of its own. */
  private static boolean change(Runnable work) {
    try {
      work.run();
      return true;
    } catch (RoutingRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    } catch (EJBException e) {
      if (e.getCause() instanceof RoutingRefusedException r) {
        Wordings.all(r).forEach(PageMessages::error);
      } else {
        PageMessages.error(PageMessages.ourFault());
      }
    }
    return false;
  }

  private List<Long> members() {
    return new ArrayList<>(form.getMemberIds() == null ? List.of() : form.getMemberIds());
  }

  private Actor actor() {
    return new Actor(user.getUserId(), user.getEmail(), user.getClientAddress());
  }

  public String memberNames(Teams.TeamView row) {
    return row.memberIds().stream()
        .map(id -> names.getOrDefault(id, "#" + id))
        .collect(Collectors.collectingAndThen(Collectors.toList(), Lists::join));
  }

  /** Members of the team who are Online now. */
  public long online(Teams.TeamView row) {
    return people.stream()
        .filter(a -> row.memberIds().contains(a.userId()))
        .filter(a -> a.availability().name().equals("ONLINE"))
        .count();
  }

  public String teamsOf(long userId) {
    return rows.stream()
        .filter(r -> r.memberIds().contains(userId))
        .map(r -> r.team().getName())
        .collect(Collectors.collectingAndThen(Collectors.toList(), Lists::join));
  }

  public AssignmentMode[] getModes() {
    return AssignmentMode.values();
  }

  public boolean isManager() {
    return user.isManager();
  }

  public List<Teams.TeamView> getRows() {
    return rows;
  }

  public List<Presence.Agent> getPeople() {
    return people;
  }

  public TeamForm getForm() {
    return form;
  }

  public Long getEditing() {
    return editing;
  }

  public AssignmentMode getNoTeamMode() {
    return noTeamMode;
  }

  public void setNoTeamMode(AssignmentMode noTeamMode) {
    this.noTeamMode = noTeamMode;
  }

  public Integer getNoTeamCapacity() {
    return noTeamCapacity;
  }

  public void setNoTeamCapacity(Integer noTeamCapacity) {
    this.noTeamCapacity = noTeamCapacity;
  }

  public boolean isRestrictAgents() {
    return restrictAgents;
  }

  public void setRestrictAgents(boolean restrictAgents) {
    this.restrictAgents = restrictAgents;
  }
}
