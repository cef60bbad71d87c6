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
import jakarta.persistence.Version;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * "When {@link #event} and conditions then actions": the conditions and actions are {@link
 * #definition}, JSON checked against the registry before every save. Rules of a tenant run in
 * {@link #position} order; a paused rule does nothing (with {@link #pausedReason} when it paused
 * itself because a label, template, canned response or agent it names disappeared). A row of event
 * {@link Trigger#MACRO} is a macro: its definition holds actions only, an agent runs it.
 */
@Entity
@Table(name = "automation_rule")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = AutomationRule.ALL,
    query = "select r from AutomationRule r where r.event <> :macro order by r.position, r.id")
@NamedQuery(
    name = AutomationRule.MACROS,
    query = "select r from AutomationRule r where r.event = :macro order by r.name")
@NamedQuery(
    name = AutomationRule.ACTIVE_FOR,
    query =
        "select r from AutomationRule r where r.event = :event and r.paused = false"
            + " order by r.position, r.id")
public class AutomationRule {

  public static final String ALL = "AutomationRule.all";
  public static final String MACROS = "AutomationRule.macros";
  public static final String ACTIVE_FOR = "AutomationRule.activeFor";
  public static final int NAME_MAX = 100;
  public static final int WORDING_MAX = 2000;

  /** Quoted in SQL nowhere: {@code position} is no reserved word in MariaDB. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private Trigger event;

  @Column(name = "wait_minutes")
  private Integer waitMinutes;

  @Column(nullable = false)
  private String definition;

  @Column(nullable = false)
  private boolean paused;

  @Column(name = "paused_reason", length = 500)
  private String pausedReason;

  /** The reason as a code and arguments (V172), for the reader's language; null if none. */
  @Column(name = "paused_wording", length = WORDING_MAX)
  private String pausedWording;

  @Column(name = "updated_by", nullable = false)
  private long updatedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected AutomationRule() {}

  public AutomationRule(int position, Instant now) {
    this.position = position;
    this.createdAt = now;
  }

  /** Sets the rule's content; the caller validated it. */
  public void define(
      String name,
      Trigger event,
      Integer waitMinutes,
      String definition,
      long userId,
      Instant now) {
    this.name = name;
    this.updatedBy = userId;
    this.event = event;
    this.waitMinutes = waitMinutes;
    this.definition = definition;
    this.updatedAt = now;
  }

  public void pause(String reason, Instant now) {
    this.paused = true;
    this.pausedReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
    this.pausedWording = null;
    this.updatedAt = now;
  }

  /** Pauses with a reason the pages word in the reader's language (English kept beside it). */
  public void pause(Wording reason, Instant now) {
    pause(reason.english(), now);
    this.pausedWording = StoredWordings.json(reason, WORDING_MAX);
  }

  public void resume(Instant now) {
    this.paused = false;
    this.pausedReason = null;
    this.pausedWording = null;
    this.updatedAt = now;
  }

  public void moveTo(int position) {
    this.position = position;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int getPosition() {
    return position;
  }

  public Trigger getEvent() {
    return event;
  }

  public Integer getWaitMinutes() {
    return waitMinutes;
  }

  public String getDefinition() {
    return definition;
  }

  public long getUpdatedBy() {
    return updatedBy;
  }

  public boolean isPaused() {
    return paused;
  }

  public String getPausedReason() {
    return pausedReason;
  }

  /** Why it paused itself, as a wording; a row from before V172 has its English reason only. */
  public Wording getPausedWording() {
    return StoredWordings.read(pausedWording, pausedReason);
  }
}
