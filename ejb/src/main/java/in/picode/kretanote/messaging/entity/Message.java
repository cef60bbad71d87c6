package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * One WhatsApp message of a conversation, in either direction. {@code wamid} (Meta's message id) is
 * unique per tenant, so storing a redelivered message a second time is impossible. {@code payload}
 * is Meta's JSON for the message's type as received, so a type KretaNote does not render yet is
 * still kept whole; {@code text} is what the inbox shows and searches.
 */
@Entity
@Table(name = "message")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Message.BY_WAMID, query = "select m from Message m where m.wamid = :wamid")
@NamedQuery(name = Message.BY_WAMIDS, query = "select m from Message m where m.wamid in :wamids")
@NamedQuery(
    name = Message.UNLINKED_REPLIES,
    query =
        "select m from Message m where m.contextWamid in :wamids and m.contextMessageId is null")
@NamedQuery(
    name = Message.PAGE_OF_CONVERSATION,
    query =
        "select m from Message m where m.conversationId = :conversation"
            + " order by m.createdAt desc, m.id desc")
public class Message {

  public static final String BY_WAMID = "Message.byWamid";
  public static final String BY_WAMIDS = "Message.byWamids";
  public static final String UNLINKED_REPLIES = "Message.unlinkedReplies";
  public static final String PAGE_OF_CONVERSATION = "Message.pageOfConversation";
  public static final int WAMID_MAX = 255;
  public static final int TYPE_MAX = 64;

  /** 16,000 characters stay within TEXT's 65,535 bytes in utf8mb4; Meta allows 4,096. */
  public static final int TEXT_MAX = 16_000;

  public static final int ERROR_TITLE_MAX = 255;
  public static final int ERROR_DETAILS_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(length = WAMID_MAX)
  private String wamid;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 8)
  private Direction direction;

  @Column(nullable = false, updatable = false, length = TYPE_MAX)
  private String type;

  @Lob private String text;

  @Lob
  @Column(updatable = false)
  private String payload;

  @Column(name = "context_wamid", updatable = false, length = WAMID_MAX)
  private String contextWamid;

  @Column(name = "context_message_id")
  private Long contextMessageId;

  @Column(nullable = false, updatable = false)
  private boolean forwarded;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MessageStatus status;

  @Column(name = "status_at")
  private Instant statusAt;

  @Column(name = "error_code")
  private Integer errorCode;

  @Column(name = "error_title", length = ERROR_TITLE_MAX)
  private String errorTitle;

  @Column(name = "error_details", length = ERROR_DETAILS_MAX)
  private String errorDetails;

  @Column(name = "pricing_category", length = 32)
  private String pricingCategory;

  @Column(name = "pricing_type", length = 32)
  private String pricingType;

  @Column(name = "pricing_model", length = 16)
  private String pricingModel;

  private Boolean billable;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Embedded private MessageMarks marks = MessageMarks.none();

  @Version private long version;

  protected Message() {}

  /**
   * A customer's message as a webhook delivered it; {@code writtenAt} is Meta's timestamp, {@code
   * contextWamid} the message it quotes, if any.
   */
  public static Message inbound(
      long conversationId,
      long contactId,
      long connectionId,
      String wamid,
      String type,
      String text,
      String payload,
      String contextWamid,
      boolean forwarded,
      Instant writtenAt,
      Instant receivedAt) {
    Message m = new Message();
    m.conversationId = conversationId;
    m.contactId = contactId;
    m.connectionId = connectionId;
    m.wamid = requireWamid(wamid);
    m.direction = Direction.INBOUND;
    m.type = clip(Objects.requireNonNull(type, "type"), TYPE_MAX);
    m.text = text == null ? null : clip(text, TEXT_MAX);
    m.payload = payload;
    m.contextWamid =
        contextWamid == null || contextWamid.isBlank() || contextWamid.length() > WAMID_MAX
            ? null
            : contextWamid;
    m.forwarded = forwarded;
    m.status = MessageStatus.RECEIVED;
    m.createdAt = Objects.requireNonNull(writtenAt, "writtenAt");
    m.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    return m;
  }

  /**
   * A message an agent (or a campaign, or KretaNote itself) sends: {@link MessageStatus#PENDING}
   * with no wamid until Meta accepts it. {@code payload} is the message object sent to Meta, {@code
   * text} what the inbox shows.
   */
  public static Message outbound(
      long conversationId,
      long contactId,
      long connectionId,
      String type,
      String text,
      String payload,
      String contextWamid,
      Long contextMessageId,
      Instant now) {
    Message m = new Message();
    m.conversationId = conversationId;
    m.contactId = contactId;
    m.connectionId = connectionId;
    m.direction = Direction.OUTBOUND;
    m.type = clip(Objects.requireNonNull(type, "type"), TYPE_MAX);
    m.text = text == null ? null : clip(text, TEXT_MAX);
    m.payload = payload;
    m.contextWamid = contextWamid;
    m.contextMessageId = contextMessageId;
    m.status = MessageStatus.PENDING;
    m.statusAt = now;
    m.createdAt = Objects.requireNonNull(now, "now");
    m.receivedAt = now;
    return m;
  }

  /** A new outbound message KretaNote queues by itself; the history shows it as automatic. */
  public Message automatic() {
    this.marks = MessageMarks.automaticSend();
    return this;
  }

  /** A new outbound message sent from the WhatsApp Business app on the same number. */
  public Message sentFromPhone(String sentWamid, Instant receivedAt) {
    this.wamid = requireWamid(sentWamid);
    this.status = MessageStatus.SENT;
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    this.marks = MessageMarks.sentFromPhone();
    return this;
  }

  /** The customer edited the text at {@code at}; see {@link MessageMarks}. */
  public boolean edit(String newText, Instant at) {
    if (!marks.edited(text, at)) {
      return false;
    }
    this.text = newText == null ? null : clip(newText, TEXT_MAX);
    return true;
  }

  public MessageMarks marks() {
    return marks;
  }

  /** Meta accepted the send and named the message {@code wamid}. */
  public void accepted(String newWamid, Instant at) {
    if (direction != Direction.OUTBOUND) {
      throw new IllegalStateException("Only outbound messages are accepted by Meta");
    }
    if (this.wamid != null && !this.wamid.equals(newWamid)) {
      throw new IllegalStateException("This message already has a wamid");
    }
    this.wamid = requireWamid(newWamid);
    if (status == MessageStatus.PENDING) {
      this.status = MessageStatus.SENT;
      this.statusAt = at;
    }
  }

  /**
   * The send failed before Meta took the message (Meta refused it, the guard stopped it, retries
   * ran out): {@code code} is Meta's error code or {@code null} for a refusal of KretaNote's own.
   */
  public void sendFailed(Integer code, String title, String details, Instant at) {
    if (direction != Direction.OUTBOUND || status != MessageStatus.PENDING) {
      throw new IllegalStateException("Only a pending outbound message can fail to send");
    }
    this.status = MessageStatus.FAILED;
    this.statusAt = at;
    this.errorCode = code;
    this.errorTitle = clip(title, ERROR_TITLE_MAX);
    this.errorDetails = clip(details, ERROR_DETAILS_MAX);
  }

  private static String requireWamid(String wamid) {
    if (wamid == null || wamid.isBlank() || wamid.length() > WAMID_MAX) {
      throw new IllegalArgumentException("A wamid has 1 to " + WAMID_MAX + " characters");
    }
    return wamid;
  }

  static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  public void linkContext(long quotedMessageId) {
    this.contextMessageId = quotedMessageId;
  }

  /**
   * Moves an outbound message to {@code newStatus}; the caller decides with the status order that
   * it is a step forward. A failure keeps Meta's error code and details for the agent; a read
   * receipt after it clears them, as the customer has the message after all.
   */
  public void deliveryStatus(
      MessageStatus newStatus, Instant at, Integer code, String title, String details) {
    if (direction != Direction.OUTBOUND) {
      throw new IllegalStateException("Only outbound messages have a delivery status");
    }
    this.status = Objects.requireNonNull(newStatus);
    this.statusAt = at;
    boolean failed = newStatus == MessageStatus.FAILED;
    this.errorCode = failed ? code : null;
    this.errorTitle = failed ? clip(title, ERROR_TITLE_MAX) : null;
    this.errorDetails = failed ? clip(details, ERROR_DETAILS_MAX) : null;
  }

  /** Meta's per-message pricing, the tenant's cost; the latest report wins. */
  public void pricing(String category, String pricingType, String model, Boolean billable) {
    if (category != null) {
      this.pricingCategory = clip(category, 32);
    }
    if (pricingType != null) {
      this.pricingType = clip(pricingType, 32);
    }
    if (model != null) {
      this.pricingModel = clip(model, 16);
    }
    if (billable != null) {
      this.billable = billable;
    }
  }

  public Long getId() {
    return id;
  }

  public long getConversationId() {
    return conversationId;
  }

  public long getContactId() {
    return contactId;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public String getWamid() {
    return wamid;
  }

  public Direction getDirection() {
    return direction;
  }

  public String getType() {
    return type;
  }

  public String getText() {
    return text;
  }

  public String getPayload() {
    return payload;
  }

  public String getContextWamid() {
    return contextWamid;
  }

  public Long getContextMessageId() {
    return contextMessageId;
  }

  public boolean isForwarded() {
    return forwarded;
  }

  public MessageStatus getStatus() {
    return status;
  }

  public Instant getStatusAt() {
    return statusAt;
  }

  public Integer getErrorCode() {
    return errorCode;
  }

  public String getErrorTitle() {
    return errorTitle;
  }

  public String getErrorDetails() {
    return errorDetails;
  }

  public String getPricingCategory() {
    return pricingCategory;
  }

  public String getPricingType() {
    return pricingType;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
