package in.picode.kretanote.contact.entity;

import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A free tag on a contact. */
@Entity
@Table(name = "contact_tag")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ContactTag.OF_CONTACT,
    query = "select t from ContactTag t where t.contactId = :contact order by t.tag")
@NamedQuery(
    name = ContactTag.OF_CONTACTS,
    query = "select t from ContactTag t where t.contactId in :contacts order by t.tag")
@NamedQuery(
    name = ContactTag.REMOVE,
    query = "delete from ContactTag t where t.contactId = :contact and t.tag = :tag")
public class ContactTag {

  public static final String OF_CONTACT = "ContactTag.ofContact";
  public static final String OF_CONTACTS = "ContactTag.ofContacts";
  public static final String REMOVE = "ContactTag.remove";
  public static final int TAG_MAX = 40;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(nullable = false, updatable = false, length = TAG_MAX)
  private String tag;

  protected ContactTag() {}

  public ContactTag(long contactId, String tag) {
    this.contactId = contactId;
    this.tag = check(tag);
  }

  public static String check(String tag) {
    String t = tag == null ? "" : tag.strip();
    if (t.isEmpty() || t.length() > TAG_MAX) {
      throw new WordedArgumentException(ContactWords.TAG.with(TAG_MAX));
    }
    return t;
  }

  public Long getId() {
    return id;
  }

  public long getContactId() {
    return contactId;
  }

  public String getTag() {
    return tag;
  }
}
