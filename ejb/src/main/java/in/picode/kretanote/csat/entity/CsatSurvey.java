package in.picode.kretanote.csat.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One survey round of a resolved conversation: asked (the message that asked), refused (the
 * outbound guard said no; nothing was sent, the reason is kept), or answered with a rating 1..5.
 * Answered once: a second answer, and a replay of the first, change nothing.
 */
@Entity
@Table(name = "csat_survey")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = CsatSurvey.OF_CONVERSATION,
    query =
        "select s from CsatSurvey s where s.conversationId = :conversation order by s.sequenceNo")
@NamedQuery(
    name = CsatSurvey.BY_MESSAGE,
    query = "select s from CsatSurvey s where s.messageId = :message")
@NamedQuery(
    name = CsatSurvey.AWAITING_COMMENT,
    query =
        "select s from CsatSurvey s where s.conversationId = :conversation"
            + " and s.state = :answered"
            + " and s.commentText is null and s.commentUntil > :now order by s.answeredAt desc")
public class CsatSurvey {

  public static final String OF_CONVERSATION = "CsatSurvey.ofConversation";
  public static final String BY_MESSAGE = "CsatSurvey.byMessage";
  public static final String AWAITING_COMMENT = "CsatSurvey.awaitingComment";
  public static final int COMMENT_MAX = 1024;
  public static final int REASON_MAX = 500;

  public enum Kind {
    LIST,
    TEMPLATE,
    NONE
  }

  public enum State {
    ASKED,
    REFUSED,
    ANSWERED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "sequence_no", nullable = false, updatable = false)
  private int sequenceNo;

  @Column(name = "assignee_id", updatable = false)
  private Long assigneeId;

  @Column(name = "team_id")
  private Long teamId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 10)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "refusal_code", length = 40)
  private String refusalCode;

  @Column(name = "refusal_reason", length = REASON_MAX)
  private String refusalReason;

  @Column(name = "asked_at", nullable = false, updatable = false)
  private Instant askedAt;

  private Integer rating;

  @Column(name = "reply_wamid", length = 128)
  private String replyWamid;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "comment_text", length = COMMENT_MAX)
  private String commentText;

  @Column(name = "comment_until")
  private Instant commentUntil;

  @Version private long version;

  protected CsatSurvey() {}

  private CsatSurvey(
      long conversationId, int sequenceNo, Long assigneeId, Kind kind, State state, Instant at) {
    this.conversationId = conversationId;
    this.sequenceNo = sequenceNo;
    this.assigneeId = assigneeId;
    this.kind = Objects.requireNonNull(kind);
    this.state = state;
    this.askedAt = Objects.requireNonNull(at);
  }

  /**
   * A new round, written before the survey is sent so that its rows can name it; the agent and team
   * the conversation had when it was resolved are the ones rated.
   */
  public static CsatSurvey open(
      long conversationId, int sequenceNo, Long assigneeId, Long teamId, Kind kind, Instant at) {
    CsatSurvey s = new CsatSurvey(conversationId, sequenceNo, assigneeId, kind, State.ASKED, at);
    s.teamId = teamId;
    return s;
  }

  /** The survey message was queued. */
  public void sent(long messageId) {
    this.messageId = messageId;
  }

  /** The outbound guard (or a check before it) refused the survey: nothing was sent. */
  public void refused(String code, String reason) {
    this.state = State.REFUSED;
    this.refusalCode = code == null ? "UNKNOWN" : cut(code, 40);
    this.refusalReason = reason == null ? null : cut(reason, REASON_MAX);
  }

  /**
   * The customer's rating; false (nothing changes) when this round is not waiting for one. {@code
   * commentWindow} zero: no comment is collected.
   */
  public boolean answer(int rating, String replyWamid, Instant at, Duration commentWindow) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("A rating is 1 to 5");
    }
    if (state != State.ASKED || messageId == null) {
      return false;
    }
    this.state = State.ANSWERED;
    this.rating = rating;
    this.replyWamid = Objects.requireNonNull(replyWamid);
    this.answeredAt = at;
    this.commentUntil = commentWindow.isZero() ? null : at.plus(commentWindow);
    return true;
  }

  /** The customer's next text after the rating, within the window; once. */
  public boolean comment(String text, Instant at) {
    if (state != State.ANSWERED
        || commentText != null
        || commentUntil == null
        || !at.isBefore(commentUntil)
        || text == null
        || text.isBlank()) {
      return false;
    }
    this.commentText = cut(text.strip(), COMMENT_MAX);
    return true;
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  public Long getId() {
    return id;
  }

  public long getConversationId() {
    return conversationId;
  }

  public int getSequenceNo() {
    return sequenceNo;
  }

  public Long getAssigneeId() {
    return assigneeId;
  }

  public Long getTeamId() {
    return teamId;
  }

  public Kind getKind() {
    return kind;
  }

  public State getState() {
    return state;
  }

  public Long getMessageId() {
    return messageId;
  }

  public String getRefusalCode() {
    return refusalCode;
  }

  public String getRefusalReason() {
    return refusalReason;
  }

  public Instant getAskedAt() {
    return askedAt;
  }

  public Integer getRating() {
    return rating;
  }

  public String getReplyWamid() {
    return replyWamid;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public String getCommentText() {
    return commentText;
  }

  public Instant getCommentUntil() {
    return commentUntil;
  }
}
