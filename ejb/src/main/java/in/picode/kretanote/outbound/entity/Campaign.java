package in.picode.kretanote.outbound.entity;

import in.picode.kretanote.platform.boundary.StoredWordings;
import in.picode.kretanote.platform.boundary.Wording;
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
 * One approved template sent to a segment of contacts through one number. The state moves DRAFT →
 * SCHEDULED → RUNNING ⇄ PAUSED → COMPLETED, or to CANCELLED from anything not finished; the
 * transitions check where they start from, so a double click or a second server changes nothing.
 */
@Entity
@Table(name = "campaign")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Campaign.ALL, query = "select c from Campaign c order by c.id desc")
public class Campaign {

  public static final String ALL = "Campaign.all";
  public static final int NAME_MAX = 120;
  public static final int REASON_MAX = 500;
  public static final int PAUSE_WORDING_MAX = 2000;
  public static final int TAG_MAX = 40;

  public enum State {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    COMPLETED,
    CANCELLED;

    public boolean isFinished() {
      return this == COMPLETED || this == CANCELLED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(name = "name", nullable = false, length = NAME_MAX)
  private String name;

  @Column(name = "template_name", nullable = false, updatable = false, length = 512)
  private String templateName;

  @Column(name = "template_language", nullable = false, updatable = false, length = 16)
  private String templateLanguage;

  /** The body values as a JSON array of strings. */
  @Column(name = "body_values", nullable = false, updatable = false)
  private String bodyValues;

  @Column(name = "segment_tag", updatable = false, length = TAG_MAX)
  private String segmentTag;

  @Column(name = "segment_marketing", nullable = false, updatable = false)
  private boolean segmentMarketing;

  /** The segment as JSON (outbound.control.CampaignSegment); null on campaigns from before. */
  @Column(name = "segment", updatable = false)
  private String segment;

  /** Each placeholder's value source as JSON (outbound.control.ValueMapping); null: body values. */
  @Column(name = "value_map", updatable = false)
  private String valueMap;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 10)
  private State state;

  @Column(name = "scheduled_at")
  private Instant scheduledAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** Automatic pauses count Meta's refusals since this moment (a resume starts afresh). */
  @Column(name = "resumed_at")
  private Instant resumedAt;

  @Column(name = "pause_reason", length = REASON_MAX)
  private String pauseReason;

  /** The reason as a code and arguments (V174), for the reader's language; null when typed. */
  @Column(name = "pause_wording", length = PAUSE_WORDING_MAX)
  private String pauseWording;

  @Column(name = "materialised", nullable = false)
  private boolean materialised;

  @Column(name = "materialised_to", nullable = false)
  private long materialisedTo;

  @Column(name = "recipient_count", nullable = false)
  private int recipientCount;

  @Column(name = "created_by", updatable = false)
  private Long createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Campaign() {}

  public Campaign(
      long connectionId,
      String name,
      String templateName,
      String templateLanguage,
      String bodyValues,
      String segmentTag,
      boolean segmentMarketing,
      Long createdBy,
      Instant now) {
    this(
        connectionId,
        name,
        templateName,
        templateLanguage,
        bodyValues,
        null,
        null,
        segmentTag,
        segmentMarketing,
        createdBy,
        now);
  }

  /** A campaign with a segment and per-recipient values, both as JSON. */
  public Campaign(
      long connectionId,
      String name,
      String templateName,
      String templateLanguage,
      String bodyValues,
      String segment,
      String valueMap,
      String segmentTag,
      boolean segmentMarketing,
      Long createdBy,
      Instant now) {
    if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
      throw new IllegalArgumentException("A campaign name of 1 to " + NAME_MAX + " characters");
    }
    if (segmentTag == null && !segmentMarketing && segment == null) {
      throw new IllegalArgumentException("A campaign needs a segment");
    }
    this.connectionId = connectionId;
    this.name = name.strip();
    this.templateName = Objects.requireNonNull(templateName);
    this.templateLanguage = Objects.requireNonNull(templateLanguage);
    this.bodyValues = Objects.requireNonNull(bodyValues);
    this.segmentTag = segmentTag;
    this.segmentMarketing = segmentMarketing;
    this.segment = segment;
    this.valueMap = valueMap;
    this.state = State.DRAFT;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Starts at {@code at} (now or later); only a DRAFT can be scheduled. */
  public boolean schedule(Instant at, Instant now) {
    if (state != State.DRAFT) {
      return false;
    }
    state = State.SCHEDULED;
    scheduledAt = at;
    updatedAt = now;
    return true;
  }

  /** A due SCHEDULED campaign begins sending. */
  public void running(Instant now) {
    if (state == State.SCHEDULED) {
      state = State.RUNNING;
      startedAt = now;
      updatedAt = now;
    }
  }

  public boolean pause(String reason, Instant now) {
    return pause(reason == null ? null : Wording.unworded(reason), now);
  }

  /** Pauses with a reason kept in English and as a wording (a typed one has no code). */
  public boolean pause(Wording reason, Instant now) {
    if (state != State.RUNNING && state != State.SCHEDULED) {
      return false;
    }
    state = State.PAUSED;
    pauseReason = reason == null ? null : clip(reason.english());
    pauseWording = StoredWordings.json(reason, PAUSE_WORDING_MAX);
    updatedAt = now;
    return true;
  }

  public boolean resume(Instant now) {
    if (state != State.PAUSED) {
      return false;
    }
    state = startedAt == null ? State.SCHEDULED : State.RUNNING;
    if (scheduledAt == null || scheduledAt.isAfter(now) && startedAt != null) {
      scheduledAt = now;
    }
    pauseReason = null;
    pauseWording = null;
    resumedAt = now;
    updatedAt = now;
    return true;
  }

  public boolean cancel(Instant now) {
    if (state.isFinished()) {
      return false;
    }
    state = State.CANCELLED;
    finishedAt = now;
    updatedAt = now;
    return true;
  }

  public void completed(Instant now) {
    if (state == State.RUNNING) {
      state = State.COMPLETED;
      finishedAt = now;
      updatedAt = now;
    }
  }

  /** Recipients were written up to contact id {@code to}; {@code done} when the segment ended. */
  public void materialisedTo(long to, int added, boolean done, Instant now) {
    materialisedTo = to;
    recipientCount += added;
    materialised = done;
    updatedAt = now;
  }

  private static String clip(String s) {
    return s == null || s.length() <= REASON_MAX ? s : s.substring(0, REASON_MAX);
  }

  public Long getId() {
    return id;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public String getName() {
    return name;
  }

  public String getTemplateName() {
    return templateName;
  }

  public String getTemplateLanguage() {
    return templateLanguage;
  }

  public String getBodyValues() {
    return bodyValues;
  }

  public String getSegmentTag() {
    return segmentTag;
  }

  public boolean isSegmentMarketing() {
    return segmentMarketing;
  }

  public String getSegment() {
    return segment;
  }

  public String getValueMap() {
    return valueMap;
  }

  public State getState() {
    return state;
  }

  public Instant getScheduledAt() {
    return scheduledAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Instant getResumedAt() {
    return resumedAt;
  }

  public String getPauseReason() {
    return pauseReason;
  }

  /** Why it was paused, as a wording; a typed reason and a row from before V174 as stored. */
  public Wording getPauseWording() {
    return StoredWordings.read(pauseWording, pauseReason);
  }

  public boolean isMaterialised() {
    return materialised;
  }

  public long getMaterialisedTo() {
    return materialisedTo;
  }

  public int getRecipientCount() {
    return recipientCount;
  }

  public Long getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
