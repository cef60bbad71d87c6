package in.picode.kretanote.contact.entity;

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
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One change of a contact's consent, kept for good (the ledger a tenant shows when asked "since
 * when may you send me offers?"): category, granted or withdrawn, what caused it, who, and the
 * evidence (the keyword and its wamid, Meta's error 131050 with the message's id).
 */
@Entity
@Table(name = "consent_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ConsentEvent.OF_CONTACT,
    query = "select e from ConsentEvent e where e.contactId = :contact order by e.occurredAt, e.id")
public class ConsentEvent {

  public static final String OF_CONTACT = "ConsentEvent.ofContact";

  /** What caused a change. */
  public enum Source {
    KEYWORD,
    META_131050,
    AGENT,
    API,
    /** The customer pressed "Stop promotions" or resumed them in WhatsApp (user_preferences). */
    META_USER_PREFERENCE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Category category;

  @Column(nullable = false, updatable = false)
  private boolean granted;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 24)
  private Source source;

  @Column(updatable = false, length = 100)
  private String actor;

  @Column(updatable = false, length = 255)
  private String evidence;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  protected ConsentEvent() {}

  public ConsentEvent(
      long contactId,
      Category category,
      boolean granted,
      Source source,
      String actor,
      String evidence,
      Instant at) {
    this.contactId = contactId;
    this.category = Objects.requireNonNull(category);
    this.granted = granted;
    this.source = Objects.requireNonNull(source);
    this.actor = actor == null || actor.length() <= 100 ? actor : actor.substring(0, 100);
    this.evidence =
        evidence == null || evidence.length() <= 255 ? evidence : evidence.substring(0, 255);
    this.occurredAt = Objects.requireNonNull(at);
  }

  public long getContactId() {
    return contactId;
  }

  public Category getCategory() {
    return category;
  }

  public boolean isGranted() {
    return granted;
  }

  public Source getSource() {
    return source;
  }

  public String getActor() {
    return actor;
  }

  public String getEvidence() {
    return evidence;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
