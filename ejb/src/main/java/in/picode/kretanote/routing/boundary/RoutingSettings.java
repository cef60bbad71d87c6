package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.Visibility;
import in.picode.kretanote.routing.entity.AssignmentMode;
import in.picode.kretanote.routing.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The business's routing settings: how conversations without a team are assigned, and whether
 * agents see only their teams' conversations. The row is also the business's routing lock (see
 * {@link AutoAssignment}); it is created on first use.
 */
@Stateless
@TenantScoped
public class RoutingSettings {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Presence presence;

  public record Settings(AssignmentMode mode, int capacity, boolean restrictAgents) {}

  public Settings current() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT assignment_mode, capacity, restrict_agents FROM routing_setting"
                    + " WHERE tenant_id = ?")
            .setParameter(1, Tenancy.require())
            .setHint(AutoAssignment.ALLOW_NATIVE, "true")
            .getResultList();
    if (rows.isEmpty()) {
      return new Settings(AssignmentMode.OFF, 10, false);
    }
    Object[] r = (Object[]) rows.get(0);
    return new Settings(
        AssignmentMode.valueOf((String) r[0]), ((Number) r[1]).intValue(), truth(r[2]));
  }

  /** The settings form at once: both changes or neither. */
  public void save(AssignmentMode mode, Integer capacity, boolean restrict, Actor actor) {
    setNoTeamRouting(mode, capacity, actor);
    setRestrictAgents(restrict, actor);
  }

  /** Assignment of conversations without a team: a mode, and a capacity for least-loaded. */
  public void setNoTeamRouting(AssignmentMode mode, Integer capacity, Actor actor) {
    presence.requireManager(actor);
    if (mode == null) {
      throw new RoutingRefusedException(RoutingWords.CHOOSE_MODE.with());
    }
    int c;
    try {
      c = Team.checkCapacity(capacity);
    } catch (IllegalArgumentException e) {
      throw new RoutingRefusedException(Wording.of(e));
    }
    lock(em, Tenancy.require());
    em.createNativeQuery(
            "UPDATE routing_setting SET assignment_mode = ?, capacity = ?, version = version + 1"
                + " WHERE tenant_id = ?")
        .setParameter(1, mode.name())
        .setParameter(2, c)
        .setParameter(3, Tenancy.require())
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
    audit.record(
        actor.userId(),
        actor.email(),
        "routing.no_team_mode",
        "conversations without a team: " + mode + ", capacity " + c,
        actor.address());
  }

  public void setRestrictAgents(boolean restrict, Actor actor) {
    presence.requireManager(actor);
    lock(em, Tenancy.require());
    em.createNativeQuery(
            "UPDATE routing_setting SET restrict_agents = ?, version = version + 1"
                + " WHERE tenant_id = ?")
        .setParameter(1, restrict)
        .setParameter(2, Tenancy.require())
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
    audit.record(
        actor.userId(),
        actor.email(),
        "routing.restrict_agents",
        restrict ? "agents see only their teams' conversations" : "agents see all conversations",
        actor.address());
  }

  /**
   * What {@code userId} may see: empty (everything) unless the business restricts agents and the
   * user is not a manager; then their teams' conversations and their own.
   */
  public Optional<Visibility.Scope> visibility(long userId, boolean manager) {
    if (manager || !current().restrictAgents()) {
      return Optional.empty();
    }
    return Optional.of(
        new Visibility.Scope(
            userId, new HashSet<>(Teams.teamIdsOf(em, Tenancy.require(), userId))));
  }

  /**
   * Binds {@link #visibility} for the rest of the caller's request (the web filter calls it after
   * binding the tenant, and {@link #unbindVisibility} in its finally block).
   */
  public void bindVisibility(long userId, boolean manager) {
    Visibility.bind(visibility(userId, manager).orElse(null));
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void unbindVisibility() {
    Visibility.clear();
  }

  /**
   * Locks the business's routing row, creating it first if needed; returns its mode, capacity and
   * round-robin pointer for conversations without a team.
   */
  static Object[] lock(EntityManager em, long tenant) {
    em.createNativeQuery("INSERT IGNORE INTO routing_setting (tenant_id) VALUES (?)")
        .setParameter(1, tenant)
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT assignment_mode, capacity, last_assignee_id FROM routing_setting"
                        + " WHERE tenant_id = ? FOR UPDATE")
                .setParameter(1, tenant)
                .setHint(AutoAssignment.ALLOW_NATIVE, "true")
                .getSingleResult();
    if (r[2] != null) {
      r[2] = ((Number) r[2]).longValue();
    }
    return r;
  }

  static void moveNoTeamPointer(EntityManager em, long tenant, long agent) {
    em.createNativeQuery("UPDATE routing_setting SET last_assignee_id = ? WHERE tenant_id = ?")
        .setParameter(1, agent)
        .setParameter(2, tenant)
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  static boolean truth(Object o) {
    return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
  }

  static Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    return (Instant) o;
  }
}
