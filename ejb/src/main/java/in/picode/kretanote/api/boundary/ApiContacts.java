package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.entity.ApiIdempotency;
import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's contact writes, each in one transaction: a contact with its tags is created whole or
 * not at all, and an update of name and tags is applied whole or not at all. The rules themselves
 * are the contact feature's ({@link Contacts}).
 */
@Stateless
@TenantScoped
public class ApiContacts {

  @Inject Contacts contacts;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** A contact created now, or the one an earlier request with the same key created. */
  public record Created(Contact contact, boolean replayed) {}

  /**
   * Like {@link #create(String, String, List)}, idempotent by {@code key} (null: not): the same key
   * with the same request answers the contact it created, with another request it is refused.
   */
  public Created create(
      String key, byte[] requestSha256, String phone, String name, List<String> tags) {
    return create(key, requestSha256, phone, name, tags, Map.of());
  }

  /** Like {@link #create(String, byte[], String, String, List)}, with custom field values. */
  public Created create(
      String key,
      byte[] requestSha256,
      String phone,
      String name,
      List<String> tags,
      Map<String, String> fields) {
    if (key != null) {
      if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
        throw new ApiInputRefusedException(
            "Idempotency-Key", "must be 1 to 100 printable characters without spaces");
      }
      Optional<ApiIdempotency> held =
          em.createNamedQuery(ApiIdempotency.BY_KEY, ApiIdempotency.class)
              .setParameter("key", key)
              .getResultStream()
              .findFirst();
      if (held.isPresent()) {
        if (!held.get().sameRequest(requestSha256) || !"contact".equals(held.get().getResource())) {
          throw new ApiInputRefusedException(
              "Idempotency-Key#conflict",
              "This Idempotency-Key was already used for a different request; use a new key.");
        }
        return new Created(contacts.get(held.get().getResourceId()), true);
      }
    }
    Contact c = create(phone, name, tags);
    fields(c.getId(), fields);
    if (key != null) {
      em.persist(new ApiIdempotency(key, requestSha256, "contact", c.getId(), Instant.now()));
      em.flush();
    }
    return new Created(c, false);
  }

  public Contact create(String phone, String name, List<String> tags) {
    Contact c;
    try {
      c = contacts.createByPhone(phone, name);
    } catch (ContactChangeRefusedException e) {
      throw new ApiInputRefusedException(
          e.getMessage().contains("already exists") ? "/phone#exists" : "/phone", e.getMessage());
    }
    tag(c.getId(), tags);
    return c;
  }

  /**
   * Renames (when {@code name} is not null) and replaces the tags (when {@code tags} is not null).
   */
  public Contact update(long id, String name, List<String> tags) {
    return update(id, name, tags, Map.of());
  }

  /**
   * Like {@link #update(long, String, List)}, and sets the custom fields named in {@code fields}
   * (by the field's name, any case; a null or blank value clears it), all or nothing.
   */
  public Contact update(long id, String name, List<String> tags, Map<String, String> fields) {
    Contact c = update3(id, name, tags);
    fields(id, fields);
    return c;
  }

  /** The business's custom fields, in their order. */
  public List<CustomField> fieldDefinitions() {
    return contacts.fields();
  }

  private void fields(long contactId, Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    List<CustomField> defined = contacts.fields();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String pointer = "/fields/" + e.getKey().replace("~", "~0").replace("/", "~1");
      CustomField field =
          defined.stream()
              .filter(f -> f.getName().equalsIgnoreCase(e.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ApiInputRefusedException(
                          pointer, "no such custom field; define it in Settings first"));
      try {
        contacts.setField(contactId, field.getId(), e.getValue());
      } catch (ContactChangeRefusedException x) {
        throw new ApiInputRefusedException(pointer, x.getMessage());
      }
    }
  }

  private Contact update3(long id, String name, List<String> tags) {
    Contact c = contacts.get(id);
    if (name != null) {
      if (name.isBlank() || name.length() > Contact.NAME_MAX) {
        throw new ApiInputRefusedException(
            "/name", "must have 1 to " + Contact.NAME_MAX + " characters");
      }
      c = contacts.rename(id, name);
    }
    if (tags != null) {
      for (String old : contacts.tags(id)) {
        if (!tags.contains(old)) {
          contacts.untag(id, old);
        }
      }
      tag(id, tags);
    }
    return c;
  }

  private void tag(long id, List<String> tags) {
    for (int i = 0; i < tags.size(); i++) {
      try {
        contacts.tag(id, tags.get(i));
      } catch (ContactChangeRefusedException e) {
        throw new ApiInputRefusedException("/tags/" + i, e.getMessage());
      }
    }
  }
}
