package in.picode.kretanote.automation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An event waiting for the rules, written in the transaction that caused it; any server claims it
 * (lease columns, written by SQL only) and marks it done in the transaction that handles it.
 */
@Entity
@Table(name = "automation_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class AutomationEvent {

  public static final int DETAIL_MAX = 4096;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24, updatable = false)
  private Trigger kind;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "message_id", updatable = false)
  private Long messageId;

  @Column(length = DETAIL_MAX, updatable = false)
  private String detail;

  @Column(name = "first_message", nullable = false, updatable = false)
  private boolean firstMessage;

  @Column(name = "first_ever", nullable = false, updatable = false)
  private boolean firstEver;

  @Column(name = "rule_id", updatable = false)
  private Long ruleId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "done_at")
  private Instant doneAt;

  protected AutomationEvent() {}

  public AutomationEvent(
      Trigger kind,
      long conversationId,
      Long messageId,
      String detail,
      boolean firstMessage,
      boolean firstEver,
      Instant now) {
    this.kind = kind;
    this.conversationId = conversationId;
    this.messageId = messageId;
    this.detail =
        detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    this.firstMessage = firstMessage;
    this.firstEver = firstEver;
    this.occurredAt = now;
  }

  public void done(Instant now) {
    this.doneAt = now;
  }

  public Long getId() {
    return id;
  }

  public Trigger getKind() {
    return kind;
  }

  public long getConversationId() {
    return conversationId;
  }

  public Long getMessageId() {
    return messageId;
  }

  public String getDetail() {
    return detail;
  }

  public boolean isFirstMessage() {
    return firstMessage;
  }

  public boolean isFirstEver() {
    return firstEver;
  }

  public Long getRuleId() {
    return ruleId;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Instant getDoneAt() {
    return doneAt;
  }
}
