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
 * The file of an image, audio, video, document or sticker message. The webhook only names Meta's
 * media id, which expires after 7 days, so each row starts {@link State#PENDING} for a downloader
 * that fetches the file through the Graph API and stores it encrypted with its size and checksum.
 */
@Entity
@Table(name = "media")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Media.OF_MESSAGE, query = "select m from Media m where m.messageId = :message")
public class Media {

  public static final String OF_MESSAGE = "Media.ofMessage";

  public enum State {
    PENDING,
    DOWNLOADED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "message_id", nullable = false, updatable = false)
  private long messageId;

  @Column(name = "media_id", nullable = false, updatable = false, length = 255)
  private String mediaId;

  @Column(name = "mime_type", length = 255)
  private String mimeType;

  /** Meta's checksum of the file as given in the webhook, to verify the download against. */
  @Column(length = 128)
  private String sha256;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Column(name = "file_path", length = 500)
  private String filePath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Media() {}

  public Media(long messageId, String mediaId, String mimeType, String sha256, Instant now) {
    if (mediaId == null || mediaId.isBlank() || mediaId.length() > 255) {
      throw new IllegalArgumentException("A media id has 1 to 255 characters");
    }
    this.messageId = messageId;
    this.mediaId = mediaId;
    this.mimeType = Message.clip(mimeType, 255);
    this.sha256 = Message.clip(sha256, 128);
    this.state = State.PENDING;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getMessageId() {
    return messageId;
  }

  public String getMediaId() {
    return mediaId;
  }

  public String getMimeType() {
    return mimeType;
  }

  public String getSha256() {
    return sha256;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public String getFilePath() {
    return filePath;
  }

  public State getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }
}
