package in.picode.kretanote.tenant.entity;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Something the tenant's owners and admins must know (a WhatsApp number's health changed, ...):
 * listed on their dashboard and mailed to them. {@code dedupeKey} names the event, so one event can
 * never notify twice. Never updated.
 */
@Entity
@Table(name = "notification")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = Notification.LATEST,
    query = "select n from Notification n order by n.createdAt desc, n.id desc")
@NamedQuery(
    name = Notification.BY_KIND,
    query = "select n from Notification n where n.kind = :kind order by n.createdAt, n.id")
public class Notification {

  public static final String LATEST = "Notification.latest";
  public static final String BY_KIND = "Notification.byKind";
  public static final int SUBJECT_MAX = 200;
  public static final int BODY_MAX = 2000;
  public static final int WORDING_MAX = 16000;

  public enum Severity {
    INFO,
    WARNING,
    PROBLEM
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false, updatable = false, length = 40)
  private String kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Severity severity;

  @Column(nullable = false, updatable = false, length = SUBJECT_MAX)
  private String subject;

  @Column(nullable = false, updatable = false, length = BODY_MAX)
  private String body;

  @Column(name = "dedupe_key", nullable = false, updatable = false, length = 120)
  private String dedupeKey;

  /** The subject and paragraphs as wordings (V176); null on rows from before and unworded ones. */
  @Column(updatable = false, length = WORDING_MAX)
  private String wording;

  protected Notification() {}

  public Notification(
      Instant createdAt,
      String kind,
      Severity severity,
      String subject,
      String body,
      String dedupeKey) {
    this.createdAt = Objects.requireNonNull(createdAt);
    this.kind = Objects.requireNonNull(kind);
    this.severity = Objects.requireNonNull(severity);
    this.subject = cut(Objects.requireNonNull(subject), SUBJECT_MAX);
    this.body = cut(Objects.requireNonNull(body), BODY_MAX);
    this.dedupeKey = cut(Objects.requireNonNull(dedupeKey), 120);
  }

  /**
   * A notification said as wordings: {@code subject} and the paragraphs of {@code body}, kept in
   * English (the columns from before, the API) and as codes, so each reader gets their language.
   */
  public Notification(
      Instant createdAt,
      String kind,
      Severity severity,
      Wording subject,
      List<Wording> body,
      String dedupeKey) {
    this(
        createdAt,
        kind,
        severity,
        subject.english(),
        String.join("\n\n", Wording.english(body)),
        dedupeKey);
    List<Wording> all = new ArrayList<>();
    all.add(subject);
    all.addAll(body);
    this.wording = StoredWordings.jsonAll(all, WORDING_MAX);
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  public Long getId() {
    return id;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getKind() {
    return kind;
  }

  public Severity getSeverity() {
    return severity;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  /** The subject as a wording; the stored English for a row without codes. */
  public Wording subjectWording() {
    List<Wording> all = StoredWordings.readAll(wording);
    return all.isEmpty() ? Wording.unworded(subject) : all.get(0);
  }

  /** The paragraphs as wordings; the stored English (one paragraph) for a row without codes. */
  public List<Wording> bodyWordings() {
    List<Wording> all = StoredWordings.readAll(wording);
    return all.isEmpty() ? List.of(Wording.unworded(body)) : all.subList(1, all.size());
  }
}
