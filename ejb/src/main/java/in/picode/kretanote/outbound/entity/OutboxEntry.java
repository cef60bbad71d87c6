package in.picode.kretanote.outbound.entity;

import in.picode.kretanote.contact.entity.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One outbound message waiting to be sent, being sent, or done (table {@code outbox}). Written in
 * the same transaction as its {@code message} row; the idempotency key is unique per tenant, so a
 * repeated request finds this row instead of sending again. The states:
 *
 * <ul>
 *   <li>QUEUED / RETRY: due at {@code nextAttemptAt}, claimable by any server;
 *   <li>SENDING: a server took a throughput slot and calls Meta now (a lease guards it);
 *   <li>SENT: Meta answered with a wamid (the message follows status webhooks from there);
 *   <li>FAILED: Meta refused it or retries ran out ({@code errorCode} is Meta's code);
 *   <li>REFUSED: the send guard stopped it before Meta ({@code refusalCode});
 *   <li>UNKNOWN: the request may have reached Meta but no answer came: never resent automatically,
 *       reconciled from status webhooks or given up after the settle time (see README).
 * </ul>
 */
@Entity
@Table(name = "outbox")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = OutboxEntry.BY_KEY,
    query = "select o from OutboxEntry o where o.idempotencyKey = :key")
@NamedQuery(
    name = OutboxEntry.BY_MESSAGE,
    query = "select o from OutboxEntry o where o.messageId = :message")
@NamedQuery(
    name = OutboxEntry.UNKNOWN_BEFORE,
    query = "select o from OutboxEntry o where o.state = :state order by o.id")
public class OutboxEntry {

  public static final String BY_KEY = "OutboxEntry.byKey";
  public static final String BY_MESSAGE = "OutboxEntry.byMessage";
  public static final String UNKNOWN_BEFORE = "OutboxEntry.unknown";
  public static final int KEY_MAX = 100;
  public static final int OUTCOME_MAX = 1000;

  public enum State {
    QUEUED,
    RETRY,
    SENDING,
    SENT,
    FAILED,
    UNKNOWN,
    REFUSED;

    public boolean isFinal() {
      return this == SENT || this == FAILED || this == REFUSED;
    }
  }

  public enum Kind {
    FREE_FORM,
    TEMPLATE,
    REACTION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "message_id", nullable = false, updatable = false)
  private long messageId;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "campaign_id", updatable = false)
  private Long campaignId;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = KEY_MAX)
  private String idempotencyKey;

  @Column(name = "request_sha256", nullable = false, updatable = false)
  private byte[] requestSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Kind kind;

  @Column(name = "template_id", updatable = false)
  private Long templateId;

  @Column(nullable = false, updatable = false, length = 160)
  private String recipient;

  @Lob
  @Column(nullable = false, updatable = false)
  private String request;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "lease_owner", length = 64)
  private String leaseOwner;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "error_code")
  private Integer errorCode;

  @Column(name = "refusal_code", length = 40)
  private String refusalCode;

  @Column(length = OUTCOME_MAX)
  private String outcome;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The outcome of a row Meta took. */
  public static final String ACCEPTED = "accepted by Meta";

  @Version private long version;

  protected OutboxEntry() {}

  public OutboxEntry(
      long messageId,
      long connectionId,
      long contactId,
      long conversationId,
      Long campaignId,
      String idempotencyKey,
      byte[] requestSha256,
      Category category,
      Kind kind,
      Long templateId,
      String recipient,
      String request,
      Instant now) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > KEY_MAX) {
      throw new IllegalArgumentException("An idempotency key has 1 to " + KEY_MAX + " characters");
    }
    this.messageId = messageId;
    this.connectionId = connectionId;
    this.contactId = contactId;
    this.conversationId = conversationId;
    this.campaignId = campaignId;
    this.idempotencyKey = idempotencyKey;
    this.requestSha256 = Objects.requireNonNull(requestSha256);
    this.category = Objects.requireNonNull(category);
    this.kind = Objects.requireNonNull(kind);
    this.templateId = templateId;
    this.recipient = Objects.requireNonNull(recipient);
    this.request = Objects.requireNonNull(request);
    this.state = State.QUEUED;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void sent(Instant now) {
    finish(State.SENT, null, null, ACCEPTED, now);
  }

  public void failed(Integer code, String why, Instant now) {
    finish(State.FAILED, code, null, why, now);
  }

  public void refused(String code, String why, Instant now) {
    finish(State.REFUSED, null, code, why, now);
  }

  public void unknown(String why, Instant now) {
    this.state = State.UNKNOWN;
    this.outcome = clip(why);
    this.leaseUntil = null;
    this.leaseOwner = null;
    this.updatedAt = now;
  }

  /** Back to the queue for another try at {@code at}; {@code counts} adds to the attempts. */
  public void retryAt(Instant at, Integer code, String why, boolean counts, Instant now) {
    this.state = State.RETRY;
    if (counts) {
      this.attempts++;
    }
    this.nextAttemptAt = at;
    this.errorCode = code;
    this.outcome = clip(why);
    this.leaseUntil = null;
    this.leaseOwner = null;
    this.updatedAt = now;
  }

  private void finish(State s, Integer code, String refusal, String why, Instant now) {
    this.state = s;
    this.errorCode = code;
    this.refusalCode = refusal;
    this.outcome = clip(why);
    this.leaseUntil = null;
    this.leaseOwner = null;
    this.updatedAt = now;
  }

  private static String clip(String s) {
    return s == null || s.length() <= OUTCOME_MAX ? s : s.substring(0, OUTCOME_MAX);
  }

  public Long getId() {
    return id;
  }

  public long getMessageId() {
    return messageId;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public long getContactId() {
    return contactId;
  }

  public long getConversationId() {
    return conversationId;
  }

  public Long getCampaignId() {
    return campaignId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public byte[] getRequestSha256() {
    return requestSha256.clone();
  }

  public Category getCategory() {
    return category;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getRequest() {
    return request;
  }

  public State getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  public Integer getErrorCode() {
    return errorCode;
  }

  public String getRefusalCode() {
    return refusalCode;
  }

  public String getOutcome() {
    return outcome;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
