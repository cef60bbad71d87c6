package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.messaging.boundary.ConversationRouting;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.ReferenceDeleted;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.entity.AssignmentMode;
import in.picode.kretanote.routing.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The business's teams: create, rename, members, assignment mode, delete. Every refusal (empty or
 * duplicate name, a member who is not an active user of this business, a capacity out of range, a
 * team of another business or one already deleted) is a {@link RoutingRefusedException} with a
 * sentence, and the transaction rolls back whole. Deleting a team takes it off its conversations in
 * the same transaction (their assignees stay).
 */
@Stateless
@TenantScoped
public class Teams {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConversationRouting conversations;
  @Inject Presence presence;
  @Inject AuditLog audit;
  @Inject Event<ReferenceDeleted> deleted;

  private final Clock clock = Clock.systemUTC();

  /** A team with its members (ids) and how many open conversations it has. */
  public record TeamView(Team team, List<Long> memberIds, long open) {}

  public List<TeamView> all() {
    Map<Long, Long> open = conversations.openPerTeam();
    List<TeamView> views = new ArrayList<>();
    for (Team t : em.createNamedQuery(Team.ALL, Team.class).getResultList()) {
      views.add(
          new TeamView(
              t, memberIds(em, Tenancy.require(), t.getId()), open.getOrDefault(t.getId(), 0L)));
    }
    return views;
  }

  public Optional<Team> find(long teamId) {
    return Optional.ofNullable(em.find(Team.class, teamId));
  }

  public Team get(long teamId) {
    return find(teamId).orElseThrow(() -> new RoutingRefusedException(RoutingWords.NO_TEAM.with()));
  }

  public Team create(String name, String description, Collection<Long> memberIds, Actor actor) {
    presence.requireManager(actor);
    List<Wording> problems = new ArrayList<>();
    String n = checked(() -> Team.checkName(name), problems);
    checked(() -> Team.checkDescription(description), problems);
    if (n != null) {
      uniqueName(n, null, problems);
    }
    Set<Long> members = checkMembers(memberIds, problems);
    if (!problems.isEmpty()) {
      throw new RoutingRefusedException(problems);
    }
    Team team = new Team(n, description, Instant.now(clock));
    em.persist(team);
    em.flush();
    writeMembers(team.getId(), members);
    audit.record(
        actor.userId(), actor.email(), "team.created", "team " + team.getName(), actor.address());
    return team;
  }

  public Team update(long teamId, String name, String description, Actor actor) {
    presence.requireManager(actor);
    Team team = get(teamId);
    List<Wording> problems = new ArrayList<>();
    String n = checked(() -> Team.checkName(name), problems);
    checked(() -> Team.checkDescription(description), problems);
    if (n != null) {
      uniqueName(n, teamId, problems);
    }
    if (!problems.isEmpty()) {
      throw new RoutingRefusedException(problems);
    }
    team.rename(n, description);
    audit.record(actor.userId(), actor.email(), "team.renamed", "team " + n, actor.address());
    return team;
  }

  /**
   * Saves the whole team form at once: name, description, members, mode and capacity. All problems
   * are reported together and nothing is saved unless all is well.
   */
  public Team save(
      long teamId,
      String name,
      String description,
      Collection<Long> memberIds,
      AssignmentMode mode,
      Integer capacity,
      Actor actor) {
    presence.requireManager(actor);
    Team team = get(teamId);
    List<Wording> problems = new ArrayList<>();
    String n = checked(() -> Team.checkName(name), problems);
    checked(() -> Team.checkDescription(description), problems);
    if (n != null) {
      uniqueName(n, teamId, problems);
    }
    Set<Long> members = checkMembers(memberIds, problems);
    if (mode == null) {
      problems.add(RoutingWords.CHOOSE_MODE.with());
    }
    checked(() -> String.valueOf(Team.checkCapacity(capacity)), problems);
    if (!problems.isEmpty()) {
      throw new RoutingRefusedException(problems);
    }
    team.rename(n, description);
    team.route(mode, capacity);
    em.createNativeQuery("DELETE FROM team_member WHERE tenant_id = ? AND team_id = ?")
        .setParameter(1, Tenancy.require())
        .setParameter(2, teamId)
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
    writeMembers(teamId, members);
    audit.record(
        actor.userId(),
        actor.email(),
        "team.saved",
        "team " + n + ": " + members.size() + " member(s), " + mode + ", capacity " + capacity,
        actor.address());
    return team;
  }

  private static String checked(java.util.function.Supplier<String> check, List<Wording> problems) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      problems.add(Wording.of(e));
      return null;
    }
  }

  /** Replaces the members with {@code memberIds}: all must be active users of this business. */
  public void setMembers(long teamId, Collection<Long> memberIds, Actor actor) {
    presence.requireManager(actor);
    Team team = get(teamId);
    List<Wording> problems = new ArrayList<>();
    Set<Long> members = checkMembers(memberIds, problems);
    if (!problems.isEmpty()) {
      throw new RoutingRefusedException(problems);
    }
    em.createNativeQuery("DELETE FROM team_member WHERE tenant_id = ? AND team_id = ?")
        .setParameter(1, Tenancy.require())
        .setParameter(2, teamId)
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
    writeMembers(teamId, members);
    audit.record(
        actor.userId(),
        actor.email(),
        "team.members",
        "team " + team.getName() + ": " + members.size() + " member(s)",
        actor.address());
  }

  /** The team's assignment mode, and the capacity per agent for least-loaded (1 to 1000). */
  public void route(long teamId, AssignmentMode mode, Integer capacity, Actor actor) {
    presence.requireManager(actor);
    Team team = get(teamId);
    try {
      team.route(mode, capacity);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new RoutingRefusedException(Wording.of(e));
    }
    audit.record(
        actor.userId(),
        actor.email(),
        "team.routing",
        "team " + team.getName() + ": " + mode + ", capacity " + capacity,
        actor.address());
  }

  /** Deletes the team; returns how many conversations it was taken off. */
  public int delete(long teamId, Actor actor) {
    presence.requireManager(actor);
    Team team = get(teamId);
    int moved = conversations.leaveTeam(teamId);
    em.remove(team);
    em.flush();
    deleted.fire(new ReferenceDeleted(Tenancy.require(), "team", teamId, team.getName()));
    audit.record(
        actor.userId(),
        actor.email(),
        "team.deleted",
        "team " + team.getName() + ", taken off " + moved + " conversation(s)",
        actor.address());
    return moved;
  }

  public List<Long> memberIds(Team team) {
    return memberIds(em, Tenancy.require(), team.getId());
  }

  /** The teams {@code userId} is a member of. */
  public List<Long> teamsOf(long userId) {
    return teamIdsOf(em, Tenancy.require(), userId);
  }

  private void uniqueName(String name, Long except, List<Wording> problems) {
    boolean taken =
        em
            .createNamedQuery(Team.BY_NAME, Team.class)
            .setParameter("name", name)
            .getResultList()
            .stream()
            .anyMatch(t -> !t.getId().equals(except));
    if (taken) {
      problems.add(RoutingWords.NAME_TAKEN.with(name));
    }
  }

  private Set<Long> checkMembers(Collection<Long> memberIds, List<Wording> problems) {
    Set<Long> members = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
    members.remove(null);
    if (!presence.activeUserIds().containsAll(members)) {
      problems.add(RoutingWords.NOT_A_MEMBER.with());
    }
    return members;
  }

  private void writeMembers(long teamId, Set<Long> members) {
    for (Long user : members) {
      em.createNativeQuery("INSERT INTO team_member (tenant_id, team_id, user_id) VALUES (?, ?, ?)")
          .setParameter(1, Tenancy.require())
          .setParameter(2, teamId)
          .setParameter(3, user)
          .setHint(AutoAssignment.ALLOW_NATIVE, "true")
          .executeUpdate();
    }
  }

  static List<Long> memberIds(EntityManager em, long tenant, long teamId) {
    return ids(
        em.createNativeQuery(
                "SELECT user_id FROM team_member WHERE tenant_id = ? AND team_id = ?"
                    + " ORDER BY user_id")
            .setParameter(1, tenant)
            .setParameter(2, teamId)
            .setHint(AutoAssignment.ALLOW_NATIVE, "true")
            .getResultList());
  }

  static List<Long> teamIdsOf(EntityManager em, long tenant, long userId) {
    return ids(
        em.createNativeQuery(
                "SELECT team_id FROM team_member WHERE tenant_id = ? AND user_id = ?"
                    + " ORDER BY team_id")
            .setParameter(1, tenant)
            .setParameter(2, userId)
            .setHint(AutoAssignment.ALLOW_NATIVE, "true")
            .getResultList());
  }

  private static List<Long> ids(List<?> rows) {
    return rows.stream()
        .map(o -> ((Number) (o instanceof Object[] a ? a[0] : o)).longValue())
        .toList();
  }
}
