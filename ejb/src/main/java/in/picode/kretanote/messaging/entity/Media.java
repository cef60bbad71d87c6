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
  public static final int ERROR_MAX = 500;
  public static final int FILENAME_MAX = 255;

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

  /** The name a document came with; empty for images, audio, video and stickers. */
  @Column(length = FILENAME_MAX)
  private String filename;

  /**
   * Meta's checksum of the file as given in the webhook (hex or base64), to verify the download
   * against; once downloaded, the verified SHA-256 of the plaintext in lower-case hex.
   */
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

  @Column(name = "last_error", length = ERROR_MAX)
  private String lastError;

  /** When the downloader may try again after a transient failure; null: at once. */
  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "downloaded_at")
  private Instant downloadedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Media() {}

  public Media(
      long messageId,
      String mediaId,
      String mimeType,
      String sha256,
      String filename,
      Instant now) {
    if (mediaId == null || mediaId.isBlank() || mediaId.length() > 255) {
      throw new IllegalArgumentException("A media id has 1 to 255 characters");
    }
    this.messageId = messageId;
    this.mediaId = mediaId;
    this.mimeType = Message.clip(mimeType, 255);
    this.sha256 = Message.clip(sha256, 128);
    this.filename = Message.clip(filename, FILENAME_MAX);
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

  public String getFilename() {
    return filename;
  }

  /** Why the last attempt failed, in plain words; null after a successful download. */
  public String getLastError() {
    return lastError;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getDownloadedAt() {
    return downloadedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** Puts a FAILED download back in line, for a user who asks to try again. */
  public boolean retry(Instant now) {
    if (state != State.FAILED) {
      return false;
    }
    state = State.PENDING;
    attempts = 0;
    nextAttemptAt = null;
    updatedAt = now;
    return true;
  }
}
