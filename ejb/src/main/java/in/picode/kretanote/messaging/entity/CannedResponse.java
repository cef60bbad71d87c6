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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A saved reply of the tenant's team, inserted into the compose box by typing {@code /shortcut}.
 * Shortcuts are lowercase so that what an agent types matches without case rules; the body is a
 * WhatsApp text, so it keeps WhatsApp's 4,096-character limit.
 */
@Entity
@Table(name = "canned_response")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = CannedResponse.ALL, query = "select c from CannedResponse c order by c.shortcut")
@NamedQuery(
    name = CannedResponse.BY_PREFIX,
    query = "select c from CannedResponse c where c.shortcut like :prefix order by c.shortcut")
@NamedQuery(
    name = CannedResponse.BY_SHORTCUT,
    query = "select c from CannedResponse c where c.shortcut = :shortcut")
public class CannedResponse {

  public static final String ALL = "CannedResponse.all";
  public static final String BY_PREFIX = "CannedResponse.byPrefix";
  public static final String BY_SHORTCUT = "CannedResponse.byShortcut";
  public static final int SHORTCUT_MAX = 32;
  public static final int BODY_MAX = 4096;
  public static final Pattern SHORTCUT = Pattern.compile("[a-z0-9_-]{1," + SHORTCUT_MAX + "}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = SHORTCUT_MAX)
  private String shortcut;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Column(name = "created_by", nullable = false, updatable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_by", nullable = false)
  private long updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CannedResponse() {}

  public CannedResponse(String shortcut, String body, long userId, Instant now) {
    this.shortcut = checkShortcut(shortcut);
    this.body = checkBody(body);
    this.createdBy = userId;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedBy = userId;
    this.updatedAt = now;
  }

  public void change(String shortcut, String body, long userId, Instant now) {
    this.shortcut = checkShortcut(shortcut);
    this.body = checkBody(body);
    this.updatedBy = userId;
    this.updatedAt = Objects.requireNonNull(now);
  }

  /** The shortcut as stored: without a leading slash, which people tend to type. */
  public static String checkShortcut(String shortcut) {
    String s = shortcut == null ? "" : shortcut.strip();
    if (s.startsWith("/")) {
      s = s.substring(1);
    }
    if (!SHORTCUT.matcher(s).matches()) {
      throw new WordedArgumentException(ConversationWords.CANNED_SHORTCUT.with(SHORTCUT_MAX));
    }
    return s;
  }

  public static String checkBody(String body) {
    if (body == null || body.isBlank()) {
      throw new WordedArgumentException(ConversationWords.CANNED_BODY_MISSING.with());
    }
    String b = body.strip();
    if (b.length() > BODY_MAX) {
      throw new WordedArgumentException(
          ConversationWords.CANNED_BODY_LONG.with(b.length(), BODY_MAX));
    }
    return b;
  }

  public Long getId() {
    return id;
  }

  public String getShortcut() {
    return shortcut;
  }

  public String getBody() {
    return body;
  }

  public long getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
