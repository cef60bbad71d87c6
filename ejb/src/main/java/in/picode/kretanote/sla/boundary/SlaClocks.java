package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.messaging.boundary.ConversationRouting;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.sla.control.SlaCalendar;
import in.picode.kretanote.sla.entity.SlaClock;
import in.picode.kretanote.sla.entity.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The current tenant's SLA clocks, moved by messaging's events ({@link SlaTrigger}) inside the
 * transactions that fire them; times come from the injected {@link Clock}. A business without
 * targets gets no clocks; a conversation gets one at its customer's first message after targets
 * exist.
 */
@Stateless
@TenantScoped
public class SlaClocks {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject SlaPolicies policies;
  @Inject ConversationRouting conversations;
  @Inject SlaCalendar calendar;
  @Inject in.picode.kretanote.automation.boundary.BusinessHoursSettings hours;
  @Inject Clock clock;
  @Inject Event<SlaWarning> warnings;

  public void customerWrote(long conversationId) {
    Long team =
        conversations.find(conversationId).map(ConversationRouting.Routed::teamId).orElse(null);
    SlaPolicy p = policies.forTeam(team);
    Optional<SlaClock> found = find(conversationId);
    if (found.isEmpty() && !p.hasTargets()) {
      // No targets for this conversation (none for the business, or only other teams'): no clock.
      return;
    }
    // A clock kept while its team has no targets still follows the waits, with nothing due, so a
    // move back to a team with targets knows since when the customer waits.
    Instant now = Instant.now(clock);
    Function<SlaClock.Target, Instant> due = due(p, team);
    SlaClock c =
        found.orElseGet(
            () -> {
              SlaClock fresh = new SlaClock(conversationId, null, now, due);
              fresh.movedToTeam(team, due);
              return fresh;
            });
    c.customerWrote(now, due);
    if (found.isEmpty()) {
      em.persist(c);
    }
  }

  /**
   * The conversation moved to team {@code teamId} (null: none): its open waits are held to that
   * team's policy from now on (due times counted from when each wait started).
   */
  public void movedToTeam(long conversationId, Long teamId) {
    find(conversationId)
        .filter(c -> !java.util.Objects.equals(c.getTeamId(), teamId))
        .ifPresent(c -> c.movedToTeam(teamId, due(policies.forTeam(teamId), teamId)));
  }

  public void businessReplied(long conversationId) {
    find(conversationId).ifPresent(c -> c.businessReplied(Instant.now(clock)));
  }

  public void resolved(long conversationId) {
    find(conversationId).ifPresent(c -> c.resolved(Instant.now(clock)));
  }

  public void assigned(long conversationId, Long userId) {
    find(conversationId).ifPresent(c -> c.assigned(userId));
  }

  /**
   * Marks the clock's current response due time as warned about and fires {@link SlaWarning}; false
   * when there is nothing to warn about (answered meanwhile, or warned already).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claimWarning(long clockId) {
    SlaClock c = em.find(SlaClock.class, clockId);
    if (c == null || !c.warn()) {
      return false;
    }
    em.flush();
    warnings.fire(
        new SlaWarning(
            Tenancy.require(),
            c.getConversationId(),
            c.getAssigneeId(),
            "response",
            c.getResponseDue()));
    return true;
  }

  public Optional<SlaStatus> status(long conversationId) {
    return find(conversationId).flatMap(c -> status(c, Instant.now(clock)));
  }

  /** The statuses of the inbox's conversations with one query; absent: nothing due. */
  public Map<Long, SlaStatus> statuses(Collection<Long> conversationIds) {
    Map<Long, SlaStatus> out = new HashMap<>();
    if (conversationIds.isEmpty()) {
      return out;
    }
    Instant now = Instant.now(clock);
    em.createNamedQuery(SlaClock.OF_CONVERSATIONS, SlaClock.class)
        .setParameter("conversations", conversationIds)
        .getResultList()
        .forEach(c -> status(c, now).ifPresent(s -> out.put(c.getConversationId(), s)));
    return out;
  }

  private static Optional<SlaStatus> status(SlaClock c, Instant now) {
    Instant due = c.nextDue();
    if (due == null) {
      return Optional.empty();
    }
    String what = due.equals(c.getResponseDue()) ? "response" : "resolution";
    return Optional.of(new SlaStatus(due, what, now.isAfter(due), Duration.between(now, due)));
  }

  /** Due times under policy {@code p}, in the hours of team {@code teamId} when it counts them. */
  private Function<SlaClock.Target, Instant> due(SlaPolicy p, Long teamId) {
    long tenant = Tenancy.require();
    return t -> {
      Duration d =
          switch (t.kind()) {
            case FIRST_RESPONSE -> p.firstResponse();
            case NEXT_RESPONSE -> p.nextResponse();
            case RESOLUTION -> p.resolution();
          };
      if (d == null) {
        return null;
      }
      return p.isBusinessHours()
          ? hours.afterOpenTime(teamId, t.from(), d)
          : calendar.due(tenant, t.from(), d);
    };
  }

  private Optional<SlaClock> find(long conversationId) {
    return em.createNamedQuery(SlaClock.OF_CONVERSATION, SlaClock.class)
        .setParameter("conversation", conversationId)
        .getResultStream()
        .findFirst();
  }
}
