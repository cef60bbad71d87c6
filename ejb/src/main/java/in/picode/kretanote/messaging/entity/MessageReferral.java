package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Where a customer's message came from when they tapped a Click-to-WhatsApp ad or a post (Meta's
 * {@code messages[].referral}). Stored on the message (one per wamid); the conversation's referral
 * is its first one. Every field is optional as Meta sends it: a referral without media is kept as
 * it is. Texts longer than the columns are cut, never refused.
 */
@Entity
@Table(name = "message_referral")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = MessageReferral.BY_WAMID,
    query = "select r from MessageReferral r where r.wamid = :wamid")
@NamedQuery(
    name = MessageReferral.OF_CONVERSATION,
    query = "select r from MessageReferral r where r.conversationId = :conversation order by r.id")
public class MessageReferral {

  public static final String BY_WAMID = "MessageReferral.byWamid";
  public static final String OF_CONVERSATION = "MessageReferral.ofConversation";
  public static final int URL_MAX = 2000;
  public static final int TEXT_MAX = 2000;
  public static final int HEADLINE_MAX = 500;

  /** Meta's referral fields, each null when absent. */
  public record Source(
      String sourceType,
      String sourceId,
      String sourceUrl,
      String headline,
      String body,
      String mediaType,
      String mediaUrl,
      String thumbnailUrl,
      String ctwaClid) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "message_id", nullable = false, updatable = false)
  private long messageId;

  @Column(nullable = false, updatable = false, length = 128)
  private String wamid;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(name = "source_type", length = 32)
  private String sourceType;

  @Column(name = "source_id", length = 128)
  private String sourceId;

  @Column(name = "source_url", length = URL_MAX)
  private String sourceUrl;

  @Column(length = HEADLINE_MAX)
  private String headline;

  @Column(length = TEXT_MAX)
  private String body;

  @Column(name = "media_type", length = 16)
  private String mediaType;

  @Column(name = "media_url", length = URL_MAX)
  private String mediaUrl;

  @Column(name = "thumbnail_url", length = URL_MAX)
  private String thumbnailUrl;

  @Column(name = "ctwa_clid", length = 500)
  private String ctwaClid;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected MessageReferral() {}

  public MessageReferral(
      long messageId, String wamid, long conversationId, long contactId, Source s, Instant now) {
    Objects.requireNonNull(s, "source");
    this.messageId = messageId;
    this.wamid = Objects.requireNonNull(wamid);
    this.conversationId = conversationId;
    this.contactId = contactId;
    this.sourceType = clip(s.sourceType(), 32);
    this.sourceId = clip(s.sourceId(), 128);
    this.sourceUrl = clip(s.sourceUrl(), URL_MAX);
    this.headline = clip(s.headline(), HEADLINE_MAX);
    this.body = clip(s.body(), TEXT_MAX);
    this.mediaType = clip(s.mediaType(), 16);
    this.mediaUrl = clip(s.mediaUrl(), URL_MAX);
    this.thumbnailUrl = clip(s.thumbnailUrl(), URL_MAX);
    this.ctwaClid = clip(s.ctwaClid(), 500);
    this.createdAt = now;
  }

  private static String clip(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.length() > max ? s.substring(0, max) : s;
  }

  public Long getId() {
    return id;
  }

  public long getMessageId() {
    return messageId;
  }

  public String getWamid() {
    return wamid;
  }

  public long getConversationId() {
    return conversationId;
  }

  public long getContactId() {
    return contactId;
  }

  public String getSourceType() {
    return sourceType;
  }

  public String getSourceId() {
    return sourceId;
  }

  public String getSourceUrl() {
    return sourceUrl;
  }

  public String getHeadline() {
    return headline;
  }

  public String getBody() {
    return body;
  }

  public String getMediaType() {
    return mediaType;
  }

  public String getMediaUrl() {
    return mediaUrl;
  }

  public String getThumbnailUrl() {
    return thumbnailUrl;
  }

  public String getCtwaClid() {
    return ctwaClid;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Only web links are shown as links (a referral's URL comes from outside). */
  public boolean isLinkable() {
    return sourceUrl != null
        && (sourceUrl.startsWith("https://") || sourceUrl.startsWith("http://"));
  }

  public boolean isImage() {
    return "image".equalsIgnoreCase(mediaType)
        && mediaUrl != null
        && mediaUrl.startsWith("https://");
  }
}
