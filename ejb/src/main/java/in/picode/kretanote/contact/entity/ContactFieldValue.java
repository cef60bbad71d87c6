package in.picode.kretanote.contact.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A contact's value of a custom field, in the field's canonical form. */
@Entity
@Table(name = "contact_field_value")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ContactFieldValue.OF_CONTACT,
    query = "select v from ContactFieldValue v where v.contactId = :contact")
@NamedQuery(
    name = ContactFieldValue.OF_CONTACTS,
    query = "select v from ContactFieldValue v where v.contactId in :contacts")
@NamedQuery(
    name = ContactFieldValue.USAGE,
    query = "select v.fieldId, count(v) from ContactFieldValue v group by v.fieldId")
@NamedQuery(
    name = ContactFieldValue.COUNT_OF_FIELD,
    query = "select count(v) from ContactFieldValue v where v.fieldId = :field")
@NamedQuery(
    name = ContactFieldValue.REMOVE_FIELD,
    query = "delete from ContactFieldValue v where v.fieldId = :field")
public class ContactFieldValue {

  public static final String OF_CONTACT = "ContactFieldValue.ofContact";
  public static final String OF_CONTACTS = "ContactFieldValue.ofContacts";
  public static final String USAGE = "ContactFieldValue.usage";
  public static final String COUNT_OF_FIELD = "ContactFieldValue.countOfField";
  public static final String REMOVE_FIELD = "ContactFieldValue.removeField";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(name = "field_id", nullable = false, updatable = false)
  private long fieldId;

  @Column(nullable = false, length = CustomField.VALUE_MAX)
  private String value;

  protected ContactFieldValue() {}

  public ContactFieldValue(long contactId, long fieldId, String value) {
    this.contactId = contactId;
    this.fieldId = fieldId;
    this.value = Objects.requireNonNull(value);
  }

  public void setValue(String value) {
    this.value = Objects.requireNonNull(value);
  }

  public Long getId() {
    return id;
  }

  public long getContactId() {
    return contactId;
  }

  public long getFieldId() {
    return fieldId;
  }

  public String getValue() {
    return value;
  }
}
