package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.messaging.boundary.ConversationRouting;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.entity.AssignmentMode;
import in.picode.kretanote.routing.entity.AssignmentRecord;
import in.picode.kretanote.routing.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moving conversations between teams, and their assignment history. This is the boundary other
 * features call ("assign to team" in automation rules); an agent's assignment by hand goes through
 * messaging's {@code Conversations.assign} and is recorded here by {@link RoutingListener}.
 */
@Stateless
@TenantScoped
public class Assignments {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConversationRouting conversations;
  @Inject Teams teams;
  @Inject Presence presence;
  @Inject AutoAssignment auto;
  @Inject Event<RoutingNews.Nudge> nudges;

  private final Clock clock = Clock.systemUTC();

  /**
   * Puts the conversation into team {@code teamId} (null: no team), for {@code reason} ("rule
   * 'Spanish speakers'"). An assignee who is not a member of the new team is taken off, and the
   * conversation is assigned as the team's mode says, at once after commit or when someone comes
   * online. {@code tenantId} must be the current tenant: a conversation or team of another business
   * is refused as not found.
   */
  public void assignToTeam(long tenantId, long conversationId, Long teamId, String reason) {
    if (tenantId != Tenancy.require()) {
      throw new RoutingRefusedException(RoutingWords.NO_CONVERSATION.with());
    }
    moveToTeam(conversationId, teamId, reason == null || reason.isBlank() ? "moved" : reason);
  }

  /** {@link #assignToTeam} by a person on the conversation page. */
  public void moveToTeam(long conversationId, Long teamId, Actor actor) {
    moveToTeam(conversationId, teamId, "moved by " + presence.name(actor.userId()));
  }

  private void moveToTeam(long conversationId, Long teamId, String why) {
    ConversationRouting.Routed c =
        conversations
            .find(conversationId)
            .orElseThrow(() -> new RoutingRefusedException(RoutingWords.NO_CONVERSATION.with()));
    Team team = teamId == null ? null : teams.get(teamId);
    if (java.util.Objects.equals(c.teamId(), teamId)) {
      return;
    }
    conversations.moveToTeam(conversationId, teamId);
    Long assignee = c.assigneeId();
    if (assignee != null && team != null && !teams.memberIds(team).contains(assignee)) {
      AutoAssignment.markAutomatic(conversationId);
      conversations.assign(conversationId, null, null);
      assignee = null;
    }
    String reason =
        (team == null ? "taken out of its team" : "moved to team " + team.getName()) + ": " + why;
    auto.record(conversationId, team, assignee, reason, Instant.now(clock));
    if (c.open() && assignee == null && (team == null || team.getMode() != AssignmentMode.OFF)) {
      auto.enqueue(conversationId);
      nudges.fire(new RoutingNews.Nudge(Tenancy.require()));
    }
  }

  /** The conversation's assignment history, oldest first. */
  public List<AssignmentRecord> history(long conversationId) {
    if (conversations.find(conversationId).isEmpty()) {
      throw new ConversationNotFoundException(conversationId);
    }
    return em.createNamedQuery(AssignmentRecord.OF_CONVERSATION, AssignmentRecord.class)
        .setParameter("conversation", conversationId)
        .getResultList();
  }

  /** The team of a conversation, for its page (null: none). */
  public Team teamOf(long conversationId) {
    return conversations
        .find(conversationId)
        .map(ConversationRouting.Routed::teamId)
        .flatMap(teams::find)
        .orElse(null);
  }
}
