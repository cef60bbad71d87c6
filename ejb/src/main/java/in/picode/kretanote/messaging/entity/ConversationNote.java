package in.picode.kretanote.messaging.entity;

import in.picode.kretanote.messaging.boundary.ConversationWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
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
 * A private note of the team on a conversation. Notes live in their own table and have no wamid, no
 * status and no path to the sender: they can never reach the customer.
 */
@Entity
@Table(name = "conversation_note")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ConversationNote.OF_CONVERSATION,
    query =
        "select n from ConversationNote n where n.conversationId = :conversation"
            + " order by n.createdAt, n.id")
public class ConversationNote {

  public static final String OF_CONVERSATION = "ConversationNote.ofConversation";
  public static final int BODY_MAX = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  /** The team member who wrote it; null when an API key did. */
  @Column(name = "author_id", updatable = false)
  private Long authorId;

  /** The API key that wrote it through the public API, by id and by its name at the time. */
  @Column(name = "api_key_id", updatable = false)
  private Long apiKeyId;

  @Column(name = "api_key_name", updatable = false, length = 80)
  private String apiKeyName;

  @Column(nullable = false, updatable = false)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected ConversationNote() {}

  public ConversationNote(long conversationId, long authorId, String body, Instant now) {
    this(conversationId, Long.valueOf(authorId), null, null, body, now);
  }

  /** A note an API key wrote through the public API. */
  public static ConversationNote byApiKey(
      long conversationId, long apiKeyId, String apiKeyName, String body, Instant now) {
    if (apiKeyName == null || apiKeyName.isBlank()) {
      throw new IllegalArgumentException("An API key's note needs the key's name");
    }
    return new ConversationNote(conversationId, null, apiKeyId, apiKeyName, body, now);
  }

  private ConversationNote(
      long conversationId,
      Long authorId,
      Long apiKeyId,
      String apiKeyName,
      String body,
      Instant now) {
    if (body == null || body.isBlank()) {
      throw new WordedArgumentException(ConversationWords.NOTE_EMPTY.with());
    }
    if (body.length() > BODY_MAX) {
      throw new WordedArgumentException(ConversationWords.NOTE_LONG.with(BODY_MAX));
    }
    this.conversationId = conversationId;
    this.authorId = authorId;
    this.apiKeyId = apiKeyId;
    this.apiKeyName = apiKeyName;
    this.body = body.strip();
    this.createdAt = Objects.requireNonNull(now);
  }

  public Long getId() {
    return id;
  }

  public long getConversationId() {
    return conversationId;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public Long getApiKeyId() {
    return apiKeyId;
  }

  /** The name of the API key that wrote the note, or null when a person did. */
  public String getApiKeyName() {
    return apiKeyName;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
