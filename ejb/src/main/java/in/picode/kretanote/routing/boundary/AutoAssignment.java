package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.messaging.boundary.ConversationRouting;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.control.Rotation;
import in.picode.kretanote.routing.entity.AssignmentMode;
import in.picode.kretanote.routing.entity.AssignmentRecord;
import in.picode.kretanote.routing.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Automatic assignment. A conversation that opens or re-opens without an online assignee is written
 * to routing_wait in that same transaction; {@link #drainPass} then assigns waiting conversations,
 * oldest first, each to an online member of its team (or, without a team, of the business) as the
 * team's mode says, and leaves the others waiting until someone comes online.
 *
 * <p>Two servers: every pass first locks the business's routing_setting row (SELECT ... FOR
 * UPDATE), so passes of one business run one after another whichever server runs them; the
 * round-robin pointers, the loads and the waiting rows are read after the lock, and a waiting row
 * is deleted in the transaction that assigns it. One lock per business rather than per team because
 * an agent may be in several teams and the capacity counts all their conversations.
 */
@Stateless
@TenantScoped
public class AutoAssignment {

  static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";
  static final String AUTOMATIC = "routing.automatic:";
  private static final int BATCH = 500;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConversationRouting conversations;
  @Inject Presence presence;
  @Inject RoutingSettings settings;
  @Inject Event<RoutingNews.Made> made;

  private final Clock clock = Clock.systemUTC();

  /**
   * Whether the conversation should wait for automatic assignment: open, without an online
   * assignee, in a team (or a business, for no team) whose mode is not OFF.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean wanted(long conversationId) {
    Optional<ConversationRouting.Routed> c = conversations.find(conversationId);
    if (c.isEmpty() || !c.get().open()) {
      return false;
    }
    if (c.get().assigneeId() != null && presence.onlineUserIds().contains(c.get().assigneeId())) {
      return false;
    }
    Team team = c.get().teamId() == null ? null : em.find(Team.class, c.get().teamId());
    AssignmentMode mode = team == null ? settings.current().mode() : team.getMode();
    return mode != AssignmentMode.OFF;
  }

  /** Puts the conversation on the waiting list (in the caller's transaction), once. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void enqueue(long conversationId) {
    em.createNativeQuery(
            "INSERT IGNORE INTO routing_wait (tenant_id, conversation_id, waiting_since)"
                + " VALUES (?, ?, ?)")
        .setParameter(1, Tenancy.require())
        .setParameter(2, conversationId)
        .setParameter(3, Timestamp.from(Instant.now(clock)))
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** Takes the conversation off the waiting list (it was assigned some other way). */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void dequeue(long conversationId) {
    em.createNativeQuery("DELETE FROM routing_wait WHERE tenant_id = ? AND conversation_id = ?")
        .setParameter(1, Tenancy.require())
        .setParameter(2, conversationId)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** How many of the business's conversations wait for an agent. */
  public long waiting() {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM routing_wait WHERE tenant_id = ?")
                .setParameter(1, Tenancy.require())
                .setHint(ALLOW_NATIVE, "true")
                .getSingleResult())
        .longValue();
  }

  /**
   * One pass over the waiting conversations in a transaction of its own; returns whether it used a
   * whole batch (call again).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean drainPass() {
    long tenant = Tenancy.require();
    Object[] setting = RoutingSettings.lock(em, tenant);
    List<?> waiting =
        em.createNativeQuery(
                "SELECT conversation_id, waiting_since FROM routing_wait WHERE tenant_id = ?"
                    + " ORDER BY waiting_since, conversation_id LIMIT ? FOR UPDATE")
            .setParameter(1, tenant)
            .setParameter(2, BATCH)
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    if (waiting.isEmpty()) {
      return false;
    }
    List<Long> online = presence.onlineUserIds();
    List<Long> everyone = presence.activeUserIds();
    Map<Long, Long> load = new HashMap<>(conversations.openLoad(online));
    Map<Long, List<Long>> members = new HashMap<>();
    Instant now = Instant.now(clock);
    for (Object row : waiting) {
      Object[] r = (Object[]) row;
      long id = ((Number) r[0]).longValue();
      Instant since = RoutingSettings.instant(r[1]);
      Optional<ConversationRouting.Routed> c = conversations.find(id);
      if (c.isEmpty()
          || !c.get().open()
          || (c.get().assigneeId() != null && online.contains(c.get().assigneeId()))) {
        dequeue(id);
        continue;
      }
      Team team = c.get().teamId() == null ? null : em.find(Team.class, c.get().teamId());
      AssignmentMode mode =
          team == null ? AssignmentMode.valueOf((String) setting[0]) : team.getMode();
      if (mode == AssignmentMode.OFF) {
        dequeue(id);
        continue;
      }
      List<Long> candidates = new ArrayList<>(online);
      candidates.retainAll(
          team == null
              ? everyone
              : members.computeIfAbsent(team.getId(), t -> Teams.memberIds(em, tenant, t)));
      int capacity = team == null ? ((Number) setting[1]).intValue() : team.getCapacity();
      Long last = team == null ? (Long) setting[2] : team.getLastAssigneeId();
      Optional<Long> pick = Rotation.pick(mode, candidates, load, capacity, last);
      if (pick.isEmpty()) {
        continue; // waits for someone to come online (or to get below capacity)
      }
      long agent = pick.get();
      if (team == null) {
        setting[2] = agent;
        RoutingSettings.moveNoTeamPointer(em, tenant, agent);
      } else {
        team.assigned(agent);
      }
      load.merge(agent, 1L, Long::sum);
      String reason =
          reason(mode, team, load.get(agent), capacity, Duration.between(since, now), candidates);
      markAutomatic(id);
      conversations.assign(id, agent, null);
      dequeue(id);
      record(id, team, agent, reason, now);
    }
    return waiting.size() == BATCH;
  }

  private static String reason(
      AssignmentMode mode, Team team, long load, int capacity, Duration waited, List<Long> c) {
    String where = team == null ? "among all agents (no team)" : "in team " + team.getName();
    String how =
        mode == AssignmentMode.ROUND_ROBIN
            ? "round robin " + where
            : "least loaded " + where + " (" + load + " of " + capacity + " open)";
    if (waited.toMinutes() >= 1) {
      how += "; waited " + waited.toMinutes() + " min: nobody available";
    }
    return how;
  }

  /**
   * Tells {@link RoutingListener} that the next assignment of the conversation in this transaction
   * is routing's own, recorded by routing, not an assignment by hand.
   */
  static void markAutomatic(long conversationId) {
    registry().putResource(AUTOMATIC + conversationId, Boolean.TRUE);
  }

  static boolean isAutomatic(long conversationId) {
    return registry().getResource(AUTOMATIC + conversationId) != null;
  }

  private static TransactionSynchronizationRegistry registry() {
    try {
      return (TransactionSynchronizationRegistry)
          new javax.naming.InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
    } catch (javax.naming.NamingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the history line and announces it after commit. */
  public void record(long conversationId, Team team, Long agent, String reason, Instant now) {
    String name = agent == null ? null : presence.name(agent);
    em.persist(
        new AssignmentRecord(
            conversationId, team == null ? null : team.getName(), agent, name, reason, now));
    made.fire(
        new RoutingNews.Made(
            new ConversationAssigned(
                Tenancy.require(),
                conversationId,
                team == null ? null : team.getId(),
                team == null ? null : team.getName(),
                agent,
                name,
                reason)));
  }
}
