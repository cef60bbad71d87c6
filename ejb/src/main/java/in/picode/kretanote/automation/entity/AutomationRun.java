package in.picode.kretanote.automation.entity;

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
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One run of a rule or macro ({@code ruleId}), or of the away or greeting message ({@code ruleId}
 * null), on a conversation: what it did, or why it did nothing, in English and (since V173) as a
 * wording for the reader's language.
 */
@Entity
@Table(name = "automation_run")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = AutomationRun.LATEST, query = "select r from AutomationRun r order by r.id desc")
@NamedQuery(
    name = AutomationRun.OF_RULE,
    query = "select r from AutomationRun r where r.ruleId = :rule order by r.id desc")
@NamedQuery(
    name = AutomationRun.LAST_REPLY,
    query =
        "select max(r.createdAt) from AutomationRun r where r.ruleId is null and r.event = :event"
            + " and r.outcome = :done and r.conversationId in :conversations")
@NamedQuery(
    name = AutomationRun.RECENT_DONE,
    query =
        "select count(r) from AutomationRun r where r.ruleId = :rule"
            + " and r.conversationId = :conversation and r.outcome = :done and r.createdAt > :since")
public class AutomationRun {

  public static final String LATEST = "AutomationRun.latest";
  public static final String OF_RULE = "AutomationRun.ofRule";
  public static final String LAST_REPLY = "AutomationRun.lastReply";
  public static final String RECENT_DONE = "AutomationRun.recentDone";
  public static final int DETAIL_MAX = 2000;
  public static final int WORDING_MAX = 16_000;

  public enum Outcome {
    DONE,
    NOTHING,
    SKIPPED,
    PAUSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "rule_id", updatable = false)
  private Long ruleId;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(nullable = false, length = 24, updatable = false)
  private String event;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private Outcome outcome;

  @Column(nullable = false, length = DETAIL_MAX, updatable = false)
  private String detail;

  /** The detail as a code and arguments (V173), for the reader's language; null if none. */
  @Column(name = "detail_wording", updatable = false, length = WORDING_MAX)
  private String detailWording;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected AutomationRun() {}

  public AutomationRun(
      Long ruleId, long conversationId, String event, Outcome outcome, String detail, Instant now) {
    this.ruleId = ruleId;
    this.conversationId = conversationId;
    this.event = event;
    this.outcome = outcome;
    String d = detail == null ? "" : detail;
    this.detail = d.length() > DETAIL_MAX ? d.substring(0, DETAIL_MAX - 1) + "…" : d;
    this.createdAt = now;
  }

  /** A run whose detail is also kept as a wording, which the pages word for the reader. */
  public AutomationRun(
      Long ruleId,
      long conversationId,
      String event,
      Outcome outcome,
      Wording detail,
      Instant now) {
    this(ruleId, conversationId, event, outcome, detail.english(), now);
    this.detailWording = StoredWordings.json(detail, WORDING_MAX);
  }

  public Long getId() {
    return id;
  }

  public Long getRuleId() {
    return ruleId;
  }

  public long getConversationId() {
    return conversationId;
  }

  public String getEvent() {
    return event;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }

  /** What it did as a wording; a run from before V173 has its English detail only. */
  public Wording getDetailWording() {
    return StoredWordings.read(detailWording, detail);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
