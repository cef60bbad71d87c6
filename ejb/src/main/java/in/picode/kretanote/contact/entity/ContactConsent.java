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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A contact's current consent for one category; its history is in {@link ConsentEvent}. */
@Entity
@Table(name = "contact_consent")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ContactConsent.OF_CONTACT,
    query = "select c from ContactConsent c where c.contactId = :contact")
@NamedQuery(
    name = ContactConsent.WITHDRAWN,
    query =
        "select c.contactId from ContactConsent c where c.contactId in :contacts"
            + " and c.category = :category and c.granted = false")
public class ContactConsent {

  public static final String OF_CONTACT = "ContactConsent.ofContact";
  public static final String WITHDRAWN = "ContactConsent.withdrawn";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Category category;

  @Column(nullable = false)
  private boolean granted;

  @Column(nullable = false, length = 24)
  private String source;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  protected ContactConsent() {}

  public ContactConsent(
      long contactId, Category category, boolean granted, String source, Instant at) {
    this.contactId = contactId;
    this.category = Objects.requireNonNull(category);
    change(granted, source, at);
  }

  public void change(boolean newGranted, String newSource, Instant at) {
    this.granted = newGranted;
    this.source = Objects.requireNonNull(newSource);
    this.changedAt = Objects.requireNonNull(at);
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

  public String getSource() {
    return source;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
