package in.picode.kretanote.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The SLA state of one conversation. The customer waits from their first unanswered message until
 * the business's next message: the answer is due by {@code responseDue} (the first-response target
 * before the first answer, the next-response target after it). Resolution is due from when the
 * conversation (re)opened. A late answer or resolution is counted as breached when it comes; an
 * answer still missing is breached from the moment its due time passes.
 */
@Entity
@Table(name = "sla_clock")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = SlaClock.OF_CONVERSATION,
    query = "select c from SlaClock c where c.conversationId = :conversation")
@NamedQuery(
    name = SlaClock.OF_CONVERSATIONS,
    query = "select c from SlaClock c where c.conversationId in :conversations")
public class SlaClock {

  public static final String OF_CONVERSATION = "SlaClock.ofConversation";
  public static final String OF_CONVERSATIONS = "SlaClock.ofConversations";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "assignee_id")
  private Long assigneeId;

  @Column(name = "team_id")
  private Long teamId;

  @Column(name = "first_responded", nullable = false)
  private boolean firstResponded;

  @Column(name = "waiting_since")
  private Instant waitingSince;

  @Column(name = "response_due")
  private Instant responseDue;

  @Column(nullable = false)
  private int responses;

  @Column(name = "responses_breached", nullable = false)
  private int responsesBreached;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "resolution_due")
  private Instant resolutionDue;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "resolution_breached", nullable = false)
  private boolean resolutionBreached;

  @Column(name = "warned_due")
  private Instant warnedDue;

  @Version private long version;

  protected SlaClock() {}

  /**
   * A conversation's clock from {@code at}; {@code due} turns a start and a target kind into a due
   * time (null: no target).
   */
  public SlaClock(long conversationId, Long assigneeId, Instant at, Function<Target, Instant> due) {
    this.conversationId = conversationId;
    this.assigneeId = assigneeId;
    this.openedAt = Objects.requireNonNull(at);
    this.resolutionDue = due.apply(new Target(Target.Kind.RESOLUTION, at));
  }

  /** A target kind counted from a start. */
  public record Target(Kind kind, Instant from) {
    public enum Kind {
      FIRST_RESPONSE,
      NEXT_RESPONSE,
      RESOLUTION
    }
  }

  /** The customer wrote: they wait from now unless they were waiting already; reopens. */
  public void customerWrote(Instant at, Function<Target, Instant> due) {
    if (resolvedAt != null) {
      resolvedAt = null;
      openedAt = at;
      resolutionDue = due.apply(new Target(Target.Kind.RESOLUTION, at));
    }
    if (waitingSince == null) {
      waitingSince = at;
      responseDue =
          due.apply(
              new Target(
                  firstResponded ? Target.Kind.NEXT_RESPONSE : Target.Kind.FIRST_RESPONSE, at));
    }
  }

  /** The business answered: the wait ends, late or not. Nothing changes when nobody waited. */
  public void businessReplied(Instant at) {
    if (waitingSince == null || resolvedAt != null) {
      return;
    }
    responses++;
    if (responseDue != null && at.isAfter(responseDue)) {
      responsesBreached++;
    }
    firstResponded = true;
    waitingSince = null;
    responseDue = null;
    warnedDue = null;
  }

  public void resolved(Instant at) {
    if (resolvedAt != null) {
      return;
    }
    resolvedAt = at;
    if (resolutionDue != null && at.isAfter(resolutionDue)) {
      resolutionBreached = true;
    }
    waitingSince = null;
    responseDue = null;
    warnedDue = null;
  }

  /** Notes that the current response due time was warned about; false if nothing to warn. */
  public boolean warn() {
    if (responseDue == null || responseDue.equals(warnedDue)) {
      return false;
    }
    warnedDue = responseDue;
    return true;
  }

  public void assigned(Long userId) {
    this.assigneeId = userId;
  }

  /**
   * The conversation moved to team {@code teamId} (null: none), whose policy {@code due} stands
   * for: the open waits are due as that policy says, counted from when they started.
   */
  public void movedToTeam(Long teamId, Function<Target, Instant> due) {
    this.teamId = teamId;
    if (resolvedAt != null) {
      return;
    }
    resolutionDue = due.apply(new Target(Target.Kind.RESOLUTION, openedAt));
    if (waitingSince != null) {
      Instant before = responseDue;
      responseDue =
          due.apply(
              new Target(
                  firstResponded ? Target.Kind.NEXT_RESPONSE : Target.Kind.FIRST_RESPONSE,
                  waitingSince));
      if (!Objects.equals(before, responseDue)) {
        warnedDue = null;
      }
    }
  }

  /** The earliest open due time (an answer or the resolution), null when nothing is due. */
  public Instant nextDue() {
    if (resolvedAt != null) {
      return null;
    }
    if (responseDue == null) {
      return resolutionDue;
    }
    return resolutionDue == null || responseDue.isBefore(resolutionDue)
        ? responseDue
        : resolutionDue;
  }

  public boolean isBreached(Instant now) {
    Instant due = nextDue();
    return due != null && now.isAfter(due);
  }

  public Long getId() {
    return id;
  }

  public long getConversationId() {
    return conversationId;
  }

  public Long getAssigneeId() {
    return assigneeId;
  }

  public Long getTeamId() {
    return teamId;
  }

  public boolean isFirstResponded() {
    return firstResponded;
  }

  public Instant getWaitingSince() {
    return waitingSince;
  }

  public Instant getResponseDue() {
    return responseDue;
  }

  public int getResponses() {
    return responses;
  }

  public int getResponsesBreached() {
    return responsesBreached;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getResolutionDue() {
    return resolutionDue;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public boolean isResolutionBreached() {
    return resolutionBreached;
  }

  public Instant getWarnedDue() {
    return warnedDue;
  }
}
