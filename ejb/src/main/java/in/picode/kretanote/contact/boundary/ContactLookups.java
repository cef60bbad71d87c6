package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.control.PhoneNumbers;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.ContactFieldValue;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/**
 * What other features read of the current tenant's contacts for a campaign: a contact by phone
 * number (made when there is none), its custom field values, and a field value in its stored form.
 */
@Stateless
@TenantScoped
public class ContactLookups {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Contacts contacts;

  /**
   * The contact with this phone number, created without a name when there is none (a campaign's
   * test send to a colleague's phone); a number that is not international is refused.
   */
  public Contact findOrCreateByPhone(String phone) {
    String waId;
    try {
      waId = PhoneNumbers.normalise(phone);
    } catch (IllegalArgumentException e) {
      throw new ContactChangeRefusedException(Wording.of(e));
    }
    return contacts
        .findByIdentity(waId)
        .or(
            () ->
                em.createNamedQuery(Contact.BY_WA_ID, Contact.class)
                    .setParameter("waId", waId)
                    .getResultStream()
                    .findFirst())
        .orElseGet(() -> contacts.create(null, waId, null));
  }

  /** The contact's custom field values by field id (blank fields left out). */
  public Map<Long, String> fieldValuesById(long contactId) {
    return fieldValuesById(em, contactId);
  }

  static Map<Long, String> fieldValuesById(EntityManager em, long contactId) {
    Map<Long, String> byId = new HashMap<>();
    em.createNamedQuery(ContactFieldValue.OF_CONTACT, ContactFieldValue.class)
        .setParameter("contact", contactId)
        .getResultStream()
        .forEach(v -> byId.put(v.getFieldId(), v.getValue()));
    return byId;
  }

  /**
   * {@code raw} in the stored form of {@code field}'s type ("1.50" and "1.5" are one number), or
   * {@link IllegalArgumentException} saying why it does not fit.
   */
  public static String storedForm(CustomField field, String raw) {
    return CustomField.canonical(field.getType(), field.getName(), raw);
  }
}
