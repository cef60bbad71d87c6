package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One WhatsApp call with a customer, an entry of the conversation on the number it was on. The
 * events of a call (connect, status, terminate) arrive in any order and more than once: the state
 * only moves forward (RINGING, then ANSWERED, then ENDED/MISSED/REJECTED/FAILED, which are final),
 * and the duration comes from the terminate event.
 */
@Entity
@Table(name = "call_log")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = CallLogEntry.BY_CALL_ID,
    query = "select c from CallLogEntry c where c.callId = :callId")
@NamedQuery(
    name = CallLogEntry.OF_CONVERSATION,
    query =
        "select c from CallLogEntry c where c.conversationId = :conversation"
            + " order by c.startedAt, c.id")
public class CallLogEntry {

  public static final String BY_CALL_ID = "CallLogEntry.byCallId";
  public static final String OF_CONVERSATION = "CallLogEntry.ofConversation";
  public static final int CALL_ID_MAX = 128;

  public enum Direction {
    INCOMING,
    OUTGOING
  }

  /** Where a call stands; the last four are final. */
  public enum State {
    RINGING,
    ANSWERED,
    ENDED,
    MISSED,
    REJECTED,
    FAILED;

    public boolean isFinal() {
      return ordinal() >= ENDED.ordinal();
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(name = "call_id", nullable = false, updatable = false, length = CALL_ID_MAX)
  private String callId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Direction direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private State state;

  @Column(name = "meta_status", length = 32)
  private String metaStatus;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "duration_seconds")
  private Integer durationSeconds;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CallLogEntry() {}

  public CallLogEntry(
      long connectionId,
      long conversationId,
      long contactId,
      String callId,
      Direction direction,
      Instant startedAt,
      long eventId,
      Instant now) {
    if (callId == null || callId.isBlank() || callId.length() > CALL_ID_MAX) {
      throw new IllegalArgumentException("a call id of 1 to " + CALL_ID_MAX + " characters");
    }
    this.connectionId = connectionId;
    this.conversationId = conversationId;
    this.contactId = contactId;
    this.callId = callId;
    this.direction = Objects.requireNonNull(direction);
    this.state = State.RINGING;
    this.startedAt = Objects.requireNonNull(startedAt);
    this.eventId = eventId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Moves the call to {@code next} if that is further along; a final state never changes. Returns
   * whether anything changed.
   */
  public boolean advance(
      State next,
      String newMetaStatus,
      Instant at,
      Integer newDuration,
      Instant start,
      long newEventId,
      Instant now) {
    boolean changed = false;
    if (start != null && start.isBefore(startedAt)) {
      startedAt = start;
      changed = true;
    }
    if (!state.isFinal() && next.ordinal() > state.ordinal()) {
      state = next;
      metaStatus = newMetaStatus == null ? null : clip(newMetaStatus, 32);
      if (next == State.ANSWERED) {
        answeredAt = at;
      } else if (next.isFinal()) {
        endedAt = at;
        if (newDuration != null && newDuration >= 0) {
          durationSeconds = newDuration;
          if (newDuration > 0 && answeredAt == null) {
            answeredAt = at.minusSeconds(newDuration);
          }
        }
      }
      eventId = newEventId;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  public Long getId() {
    return id;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public long getConversationId() {
    return conversationId;
  }

  public long getContactId() {
    return contactId;
  }

  public String getCallId() {
    return callId;
  }

  public Direction getDirection() {
    return direction;
  }

  public State getState() {
    return state;
  }

  public String getMetaStatus() {
    return metaStatus;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Integer getDurationSeconds() {
    return durationSeconds;
  }

  public boolean isAnswered() {
    return answeredAt != null || state == State.ANSWERED;
  }
}
