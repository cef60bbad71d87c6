package in.picode.kretanote.contact.entity;

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
 * A customer's number change (Meta's {@code user_changed_number}) that was not applied because the
 * new number already belongs to another contact of the tenant: two contacts would share one number.
 * Kept for a person to merge the two; both contacts stay as they were.
 */
@Entity
@Table(name = "contact_number_conflict")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = NumberConflict.OF_CONTACT,
    query =
        "select n from NumberConflict n where n.contactId = :contact"
            + " or n.otherContactId = :contact order by n.id")
@NamedQuery(
    name = NumberConflict.BY_KEY,
    query = "select n from NumberConflict n where n.contactId = :contact and n.newWaId = :waId")
public class NumberConflict {

  public static final String OF_CONTACT = "NumberConflict.ofContact";
  public static final String BY_KEY = "NumberConflict.byKey";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(name = "other_contact_id", nullable = false, updatable = false)
  private long otherContactId;

  @Column(name = "new_wa_id", nullable = false, updatable = false, length = Contact.WA_ID_MAX)
  private String newWaId;

  @Column(name = "event_id", nullable = false, updatable = false)
  private long eventId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected NumberConflict() {}

  public NumberConflict(
      long contactId, long otherContactId, String newWaId, long eventId, Instant now) {
    if (contactId == otherContactId) {
      throw new IllegalArgumentException("a conflict is between two contacts");
    }
    this.contactId = contactId;
    this.otherContactId = otherContactId;
    this.newWaId = Objects.requireNonNull(newWaId);
    this.eventId = eventId;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getContactId() {
    return contactId;
  }

  public long getOtherContactId() {
    return otherContactId;
  }

  public String getNewWaId() {
    return newWaId;
  }

  public long getEventId() {
    return eventId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
