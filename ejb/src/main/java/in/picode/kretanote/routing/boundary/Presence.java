package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.control.RoutingConfig;
import in.picode.kretanote.routing.entity.Availability;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who of the business is available. An agent sets Online, Busy or Offline in the dashboard header;
 * signing out sets Offline; an Online or Busy agent whose dashboard has not been seen for the idle
 * time ({@code kretanote.routing.idle-minutes}) counts as Offline, decided when read, so no timer
 * has to notice. Coming online nudges the assignment of waiting conversations.
 */
@Stateless
@TenantScoped
public class Presence {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject RoutingConfig config;
  @Inject Event<RoutingNews.Nudge> nudges;

  private final Clock clock = Clock.systemUTC();

  /** One active member of the business and their availability now. */
  public record Agent(long userId, String name, String role, Availability availability) {}

  public void set(long userId, Availability availability) {
    if (availability == null) {
      throw new RoutingRefusedException(RoutingWords.CHOOSE_AVAILABILITY.with());
    }
    if (!activeUserIds().contains(userId)) {
      throw new RoutingRefusedException(RoutingWords.NOT_A_MEMBER.with());
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    em.createNativeQuery(
            "INSERT INTO agent_presence (tenant_id, user_id, status, changed_at, last_seen_at)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = VALUES(status),"
                + " changed_at = VALUES(changed_at), last_seen_at = VALUES(last_seen_at)")
        .setParameter(1, Tenancy.require())
        .setParameter(2, userId)
        .setParameter(3, availability.name())
        .setParameter(4, now)
        .setParameter(5, now)
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
    if (availability == Availability.ONLINE) {
      nudges.fire(new RoutingNews.Nudge(Tenancy.require()));
    }
  }

  /**
   * The dashboard is open: keeps an Online or Busy agent from counting as idle. Returns the
   * availability now; one who had gone idle becomes Offline for good (and chooses again).
   */
  public Availability seen(long userId) {
    Availability now = availability(userId);
    if (now != Availability.OFFLINE) {
      em.createNativeQuery(
              "UPDATE agent_presence SET last_seen_at = ? WHERE tenant_id = ? AND user_id = ?"
                  + " AND last_seen_at < ?")
          .setParameter(1, Timestamp.from(Instant.now(clock)))
          .setParameter(2, Tenancy.require())
          .setParameter(3, userId)
          // at most one write per half minute, however many pages and polls
          .setParameter(4, Timestamp.from(Instant.now(clock).minusSeconds(30)))
          .setHint(AutoAssignment.ALLOW_NATIVE, "true")
          .executeUpdate();
    }
    return now;
  }

  public void signedOut(long userId) {
    em.createNativeQuery(
            "UPDATE agent_presence SET status = 'OFFLINE', changed_at = ?"
                + " WHERE tenant_id = ? AND user_id = ?")
        .setParameter(1, Timestamp.from(Instant.now(clock)))
        .setParameter(2, Tenancy.require())
        .setParameter(3, userId)
        .setHint(AutoAssignment.ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  public Availability availability(long userId) {
    return board().stream()
        .filter(a -> a.userId() == userId)
        .map(Agent::availability)
        .findFirst()
        .orElse(Availability.OFFLINE);
  }

  /** Every active member of the business with their availability now, by name. */
  public List<Agent> board() {
    Timestamp idleSince = Timestamp.from(Instant.now(clock).minus(config.idle()));
    List<Agent> agents = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT u.id, u.display_name, u.role, CASE WHEN p.status IS NULL"
                    + " OR p.last_seen_at <= ? THEN 'OFFLINE' ELSE p.status END"
                    + " FROM user_account u LEFT JOIN agent_presence p ON p.tenant_id = u.tenant_id"
                    + " AND p.user_id = u.id WHERE u.tenant_id = ? AND u.status = 'ACTIVE'"
                    + " ORDER BY u.display_name, u.id")
            .setParameter(1, idleSince)
            .setParameter(2, Tenancy.require())
            .setHint(AutoAssignment.ALLOW_NATIVE, "true")
            .getResultList()) {
      Object[] r = (Object[]) row;
      agents.add(
          new Agent(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              Availability.valueOf((String) r[3])));
    }
    return agents;
  }

  /** The active members who are Online now, ascending ids. */
  public List<Long> onlineUserIds() {
    return board().stream()
        .filter(a -> a.availability() == Availability.ONLINE)
        .map(Agent::userId)
        .sorted()
        .toList();
  }

  public List<Long> activeUserIds() {
    return board().stream().map(Agent::userId).sorted().toList();
  }

  /** Refuses unless {@code actor} is an active OWNER or ADMIN of the business. */
  public void requireManager(Actor actor) {
    boolean manager =
        board().stream()
            .anyMatch(
                a ->
                    a.userId() == actor.userId()
                        && ("OWNER".equals(a.role()) || "ADMIN".equals(a.role())));
    if (!manager) {
      throw new RoutingRefusedException(RoutingWords.MANAGERS_ONLY.with());
    }
  }

  /** The display name of an active member, or null. */
  public String name(long userId) {
    return board().stream()
        .filter(a -> a.userId() == userId)
        .map(Agent::name)
        .findFirst()
        .orElse(null);
  }
}
