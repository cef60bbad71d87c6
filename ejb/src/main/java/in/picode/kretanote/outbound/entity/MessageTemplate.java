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
 * A message template of one connection's WhatsApp Business Account: what KretaNote knows of it from
 * Meta (sync, create, status webhooks). Sending checks its status (only APPROVED goes) and its
 * components (parameter counts) before Meta sees the message.
 */
@Entity
@Table(name = "message_template")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = MessageTemplate.OF_CONNECTION,
    query =
        "select t from MessageTemplate t where t.connectionId = :connection"
            + " order by t.name, t.language")
@NamedQuery(
    name = MessageTemplate.BY_NAME,
    query =
        "select t from MessageTemplate t where t.connectionId = :connection"
            + " and t.name = :name and t.language = :language")
@NamedQuery(
    name = MessageTemplate.BY_META_ID,
    query = "select t from MessageTemplate t where t.metaId = :metaId")
public class MessageTemplate {

  public static final String OF_CONNECTION = "MessageTemplate.ofConnection";
  public static final String BY_NAME = "MessageTemplate.byName";
  public static final String BY_META_ID = "MessageTemplate.byMetaId";
  public static final int NAME_MAX = 512;
  public static final int REASON_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(name = "waba_id", nullable = false, length = 32)
  private String wabaId;

  @Column(name = "meta_id", length = 64)
  private String metaId;

  @Column(nullable = false, updatable = false, length = NAME_MAX)
  private String name;

  @Column(nullable = false, updatable = false, length = 16)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Category category;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(length = REASON_MAX)
  private String reason;

  @Lob
  @Column(nullable = false)
  private String components;

  @Column(name = "synced_at")
  private Instant syncedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Meta's quality score (message_template_quality_update): GREEN, YELLOW, RED or UNKNOWN. */
  @Column(length = 10)
  private String quality;

  @Column(name = "quality_at")
  private Instant qualityAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "previous_category", length = 16)
  private Category previousCategory;

  @Column(name = "category_changed_at")
  private Instant categoryChangedAt;

  @Column(name = "components_synced_at")
  private Instant componentsSyncedAt;

  @Version private long version;

  protected MessageTemplate() {}

  /** A quality score reported at {@code at}; an older report than the stored one is ignored. */
  public boolean quality(String score, Instant at) {
    if (score == null || (qualityAt != null && at.isBefore(qualityAt))) {
      return false;
    }
    String upper = score.strip().toUpperCase(java.util.Locale.ROOT);
    boolean changed = !upper.equals(quality);
    quality = upper.length() > 10 ? upper.substring(0, 10) : upper;
    qualityAt = at;
    updatedAt = at;
    return changed;
  }

  /** Meta moved the template to {@code newCategory} (template_category_update). */
  public boolean recategorised(Category newCategory, Instant at) {
    if (newCategory == null || newCategory == Category.SERVICE || newCategory == category) {
      return false;
    }
    previousCategory = category;
    category = newCategory;
    categoryChangedAt = at;
    updatedAt = at;
    return true;
  }

  /** The template was edited at Meta (message_template_components_update). */
  public boolean componentsChanged(String newComponents, Instant at) {
    if (newComponents == null || newComponents.equals(components)) {
      return false;
    }
    components = newComponents;
    componentsSyncedAt = at;
    updatedAt = at;
    return true;
  }

  public String getQuality() {
    return quality;
  }

  public Instant getQualityAt() {
    return qualityAt;
  }

  public Category getPreviousCategory() {
    return previousCategory;
  }

  public Instant getCategoryChangedAt() {
    return categoryChangedAt;
  }

  public Instant getComponentsSyncedAt() {
    return componentsSyncedAt;
  }

  public MessageTemplate(
      long connectionId,
      String wabaId,
      String name,
      String language,
      Category category,
      String components,
      Instant now) {
    if (category == Category.SERVICE) {
      throw new IllegalArgumentException("Templates are MARKETING, UTILITY or AUTHENTICATION");
    }
    this.connectionId = connectionId;
    this.wabaId = Objects.requireNonNull(wabaId);
    this.name = Objects.requireNonNull(name);
    this.language = Objects.requireNonNull(language);
    this.category = Objects.requireNonNull(category);
    this.components = Objects.requireNonNull(components);
    this.status = "PENDING";
    this.updatedAt = now;
  }

  /** What Meta says now (sync or create). */
  public void fromMeta(
      String newMetaId,
      Category newCategory,
      String newStatus,
      String newReason,
      String newComponents,
      Instant now) {
    if (newMetaId != null) {
      this.metaId = newMetaId;
    }
    if (newCategory != null && newCategory != Category.SERVICE) {
      this.category = newCategory;
    }
    if (newComponents != null) {
      this.components = newComponents;
    }
    status(newStatus, newReason, now);
    this.syncedAt = now;
  }

  public void status(String newStatus, String newReason, Instant now) {
    if (newStatus != null && !newStatus.isBlank()) {
      this.status = newStatus.length() > 20 ? newStatus.substring(0, 20) : newStatus.toUpperCase();
    }
    this.reason =
        newReason == null || newReason.isBlank() || newReason.equals("NONE")
            ? null
            : newReason.length() > REASON_MAX ? newReason.substring(0, REASON_MAX) : newReason;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public String getWabaId() {
    return wabaId;
  }

  public String getMetaId() {
    return metaId;
  }

  public String getName() {
    return name;
  }

  public String getLanguage() {
    return language;
  }

  public Category getCategory() {
    return category;
  }

  public String getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  public String getComponents() {
    return components;
  }

  public Instant getSyncedAt() {
    return syncedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
