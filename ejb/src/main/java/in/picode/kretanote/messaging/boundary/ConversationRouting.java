package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation's team and assignee as the routing feature changes them: messaging owns the
 * conversation row, routing decides (teams, rotation, capacity) and calls here. Joins the caller's
 * transaction; an id of another tenant's conversation, or one the current user may not see, finds
 * nothing ({@link ConversationNotFoundException}).
 */
@Stateless
@TenantScoped
public class ConversationRouting {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject jakarta.enterprise.event.Event<ConversationChanged> changes;

  /** What routing needs to know of one conversation. */
  public record Routed(long id, boolean open, Long teamId, Long assigneeId) {}

  public Optional<Routed> find(long conversationId) {
    Conversation c = em.find(Conversation.class, conversationId);
    if (c == null || !Conversations.visible(c)) {
      return Optional.empty();
    }
    return Optional.of(
        new Routed(
            c.getId(),
            c.getStatus() == Conversation.Status.OPEN,
            c.getTeamId(),
            c.getAssigneeId()));
  }

  private Conversation get(long conversationId) {
    Conversation c = em.find(Conversation.class, conversationId);
    if (c == null || !Conversations.visible(c)) {
      throw new ConversationNotFoundException(conversationId);
    }
    return c;
  }

  /** Puts the conversation into team {@code teamId} (checked by the caller), or none. */
  public void moveToTeam(long conversationId, Long teamId) {
    get(conversationId).moveToTeam(teamId);
  }

  /**
   * Assigns the conversation to {@code userId} (an active member, checked by the caller) or to
   * nobody; {@code actorId} is who did it (null: automatic).
   */
  public void assign(long conversationId, Long userId, Long actorId) {
    get(conversationId).assign(userId);
    changes.fire(
        new ConversationChanged(
            Tenancy.require(), conversationId, ConversationChanged.Kind.ASSIGNED, userId, actorId));
  }

  /** Takes team {@code teamId} off all its conversations (their assignees stay); how many. */
  public int leaveTeam(long teamId) {
    List<Conversation> members =
        em.createQuery("select c from Conversation c where c.teamId = :team", Conversation.class)
            .setParameter("team", teamId)
            .getResultList();
    members.forEach(c -> c.moveToTeam(null));
    em.flush();
    return members.size();
  }

  /** Open conversations per assignee, for those of {@code userIds} that have any. */
  public Map<Long, Long> openLoad(Collection<Long> userIds) {
    Map<Long, Long> load = new HashMap<>();
    if (userIds.isEmpty()) {
      return load;
    }
    em.createQuery(
            "select c.assigneeId, count(c) from Conversation c where c.status = :open and c.quiet = false"
                + " and c.assigneeId in :users group by c.assigneeId",
            Object[].class)
        .setParameter("open", Conversation.Status.OPEN)
        .setParameter("users", userIds)
        .getResultStream()
        .forEach(r -> load.put((Long) r[0], ((Number) r[1]).longValue()));
    return load;
  }

  /** Open conversations per team, for the teams page. */
  public Map<Long, Long> openPerTeam() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "select c.teamId, count(c) from Conversation c where c.status = :open and c.quiet = false"
                + " and c.teamId is not null group by c.teamId",
            Object[].class)
        .setParameter("open", Conversation.Status.OPEN)
        .getResultStream()
        .forEach(r -> counts.put((Long) r[0], ((Number) r[1]).longValue()));
    return counts;
  }
}
