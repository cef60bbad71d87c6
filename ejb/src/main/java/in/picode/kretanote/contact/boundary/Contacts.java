package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.control.PhoneNumbers;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.ContactFieldValue;
import in.picode.kretanote.contact.entity.ContactTag;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's contacts: search, tags, custom fields. Lists page by keyset on the id
 * (newest first), so a deep page costs what the first one does.
 */
@Stateless
@TenantScoped
public class Contacts {

  public static final int PAGE_MAX = 200;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Event<ContactChanged> changes;

  private final Clock clock = Clock.systemUTC();

  /** Filters of the contacts list; null or blank means "any". */
  public record Filter(String query, String tag, Boolean optedOut) {}

  public Contact create(String userId, String waId, String profileName) {
    Contact c = new Contact(userId, waId, profileName, Instant.now(clock));
    em.persist(c);
    em.flush();
    changes.fire(new ContactChanged(Tenancy.require(), c.getId(), true));
    return c;
  }

  /**
   * A contact by its phone number (E.164, with or without +, spaces or dashes) and name, as the API
   * creates one; a number that is not international, or one a contact already has, is refused.
   */
  public Contact createByPhone(String phone, String name) {
    String waId;
    try {
      waId = PhoneNumbers.normalise(phone);
    } catch (IllegalArgumentException e) {
      throw new ContactChangeRefusedException(Wording.of(e));
    }
    if (findByIdentity(waId).isPresent()
        || !em.createNamedQuery(Contact.BY_WA_ID, Contact.class)
            .setParameter("waId", waId)
            .getResultList()
            .isEmpty()) {
      throw new ContactChangeRefusedException(ContactWords.PHONE_TAKEN.with());
    }
    if (name != null && name.length() > Contact.NAME_MAX) {
      throw new ContactChangeRefusedException(ContactWords.NAME_LONGER.with(Contact.NAME_MAX));
    }
    return create(null, waId, name);
  }

  public Optional<Contact> find(long id) {
    return Optional.ofNullable(em.find(Contact.class, id));
  }

  public Contact get(long id) {
    return find(id).orElseThrow(() -> new ContactNotFoundException(id));
  }

  public Optional<Contact> findByIdentity(String identityKey) {
    return em.createNamedQuery(Contact.BY_IDENTITY, Contact.class)
        .setParameter("key", identityKey)
        .getResultStream()
        .findFirst();
  }

  public List<Contact> page(int max) {
    return em.createNamedQuery(Contact.PAGE_BY_NAME, Contact.class)
        .setMaxResults(Math.min(Math.max(max, 1), PAGE_MAX))
        .getResultList();
  }

  /**
   * Contacts matching {@code filter}, newest first, older than {@code beforeId} (null: from the
   * newest). A query of digits (with or without +, spaces, dashes) matches the start of the number,
   * anything else the start of the name, ignoring case; both can use an index.
   */
  public List<Contact> search(Filter filter, Long beforeId, int max) {
    StringBuilder jpql = new StringBuilder("select c from Contact c where 1 = 1");
    String q = filter.query() == null ? "" : filter.query().strip();
    String digits = q.replaceAll("[\\s()+./-]", "");
    boolean number = digits.matches("[0-9]+");
    if (number) {
      jpql.append(" and c.waId like :number");
    } else if (!q.isEmpty()) {
      jpql.append(" and c.displayName like :name escape '!'");
    }
    boolean tag = filter.tag() != null && !filter.tag().isBlank();
    if (tag) {
      jpql.append(
          " and exists (select t from ContactTag t where t.contactId = c.id and t.tag = :tag)");
    }
    if (filter.optedOut() != null) {
      // Opted out: of all business messages (the contact's flag) or of marketing (the consent
      // ledger's current state, which STOP, Meta's 131050 and a recorded change set).
      String marketingWithdrawn =
          "exists (select cc from ContactConsent cc where cc.contactId = c.id"
              + " and cc.category = :marketing and cc.granted = false)";
      jpql.append(
          filter.optedOut()
              ? " and (c.optedOut = true or " + marketingWithdrawn + ")"
              : " and c.optedOut = false and not " + marketingWithdrawn);
    }
    if (beforeId != null) {
      jpql.append(" and c.id < :before");
    }
    jpql.append(" order by c.id desc");
    TypedQuery<Contact> query = em.createQuery(jpql.toString(), Contact.class);
    if (number) {
      query.setParameter("number", digits + "%");
    } else if (!q.isEmpty()) {
      query.setParameter("name", likeEscape(q) + "%");
    }
    if (tag) {
      query.setParameter("tag", filter.tag().strip());
    }
    if (filter.optedOut() != null) {
      query.setParameter("marketing", Category.MARKETING);
    }
    if (beforeId != null) {
      query.setParameter("before", beforeId);
    }
    return query.setMaxResults(Math.min(Math.max(max, 1), PAGE_MAX)).getResultList();
  }

  /** A contact as the CSV export writes it: its tags, and its field values by field id. */
  public record ExportRow(Contact contact, List<String> tags, Map<Long, String> fields) {}

  /**
   * A keyset page of {@link #search} for the export, with the page's tags and field values read in
   * one query each (not two per contact).
   */
  public List<ExportRow> exportPage(Filter filter, Long beforeId, int max) {
    List<Contact> page = search(filter, beforeId, max);
    if (page.isEmpty()) {
      return List.of();
    }
    List<Long> ids = page.stream().map(Contact::getId).toList();
    Map<Long, List<String>> tags = new HashMap<>();
    em.createNamedQuery(ContactTag.OF_CONTACTS, ContactTag.class)
        .setParameter("contacts", ids)
        .getResultStream()
        .forEach(
            t -> tags.computeIfAbsent(t.getContactId(), k -> new ArrayList<>()).add(t.getTag()));
    Map<Long, Map<Long, String>> values = new HashMap<>();
    em.createNamedQuery(ContactFieldValue.OF_CONTACTS, ContactFieldValue.class)
        .setParameter("contacts", ids)
        .getResultStream()
        .forEach(
            v ->
                values
                    .computeIfAbsent(v.getContactId(), k -> new HashMap<>())
                    .put(v.getFieldId(), v.getValue()));
    return page.stream()
        .map(
            c ->
                new ExportRow(
                    c,
                    tags.getOrDefault(c.getId(), List.of()),
                    values.getOrDefault(c.getId(), Map.of())))
        .toList();
  }

  static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  public Contact rename(long id, String name) {
    Contact c = get(id);
    refuseInvalid(
        () -> {
          c.rename(name, Instant.now(clock));
          return c;
        });
    changes.fire(new ContactChanged(Tenancy.require(), id, false));
    return c;
  }

  public void delete(long id) {
    em.remove(get(id));
  }

  public int count() {
    return em.createQuery("select count(c) from Contact c", Long.class)
        .getSingleResult()
        .intValue();
  }

  public List<String> tags(long contactId) {
    return em.createNamedQuery(ContactTag.OF_CONTACT, ContactTag.class)
        .setParameter("contact", contactId)
        .getResultStream()
        .map(ContactTag::getTag)
        .toList();
  }

  /** Every tag in use, for the list filter. */
  public List<String> allTags() {
    return em.createQuery("select distinct t.tag from ContactTag t order by t.tag", String.class)
        .setMaxResults(500)
        .getResultList();
  }

  public void tag(long contactId, String tag) {
    get(contactId);
    String t = refuseInvalid(() -> ContactTag.check(tag));
    if (!tags(contactId).contains(t)) {
      em.persist(new ContactTag(contactId, t));
      changes.fire(new ContactChanged(Tenancy.require(), contactId, false));
    }
  }

  public void untag(long contactId, String tag) {
    get(contactId);
    int removed =
        em.createNamedQuery(ContactTag.REMOVE)
            .setParameter("contact", contactId)
            .setParameter("tag", tag)
            .executeUpdate();
    if (removed > 0) {
      changes.fire(new ContactChanged(Tenancy.require(), contactId, false));
    }
  }

  public List<CustomField> fields() {
    return em.createNamedQuery(CustomField.ALL, CustomField.class).getResultList();
  }

  public CustomField defineField(String name, CustomField.Type type) {
    CustomField field = refuseInvalid(() -> new CustomField(name, type, Instant.now(clock)));
    refuseTakenName(field.getName(), null);
    em.persist(field);
    em.flush();
    return field;
  }

  /** Who changes the tenant's fields, for the audit log. */
  public record Actor(long userId, String email, String address) {}

  /** Defines a field from settings, audited. */
  public CustomField defineField(String name, CustomField.Type type, Actor actor) {
    CustomField field = defineField(name, type);
    audit(actor, "field.created", field.getId());
    return field;
  }

  /** How many contacts have a value, by field id (fields nobody filled in are absent). */
  public Map<Long, Long> fieldUsage() {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(ContactFieldValue.USAGE, Object[].class).getResultList()) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return counts;
  }

  public long fieldUsage(long fieldId) {
    getField(fieldId);
    return em.createNamedQuery(ContactFieldValue.COUNT_OF_FIELD, Long.class)
        .setParameter("field", fieldId)
        .getSingleResult();
  }

  public CustomField getField(long fieldId) {
    return Optional.ofNullable(em.find(CustomField.class, fieldId))
        .orElseThrow(() -> new ContactChangeRefusedException(ContactWords.FIELD_MISSING.with()));
  }

  /** Renames a field (unique per tenant, ignoring case); its type and values stay. */
  public CustomField renameField(long fieldId, String name, Actor actor) {
    CustomField field = getField(fieldId);
    String n = refuseInvalid(() -> CustomField.checkName(name));
    refuseTakenName(n, fieldId);
    field.rename(n);
    audit(actor, "field.renamed", fieldId);
    return field;
  }

  /** Deletes a field with every contact's value of it; returns how many values went. */
  public long deleteField(long fieldId, Actor actor) {
    CustomField field = getField(fieldId);
    long values = fieldUsage(fieldId);
    em.createNamedQuery(ContactFieldValue.REMOVE_FIELD)
        .setParameter("field", fieldId)
        .executeUpdate();
    em.remove(field);
    audit(actor, "field.deleted", fieldId);
    return values;
  }

  private void refuseTakenName(String name, Long except) {
    boolean taken =
        fields().stream()
            .anyMatch(f -> !f.getId().equals(except) && f.getName().equalsIgnoreCase(name));
    if (taken) {
      throw new ContactChangeRefusedException(ContactWords.FIELD_NAME_TAKEN.with(name));
    }
  }

  private void audit(Actor actor, String action, long fieldId) {
    audit.record(actor.userId(), actor.email(), action, "custom field " + fieldId, actor.address());
  }

  /** The contact's custom field values by field name, in field order (blank fields left out). */
  public Map<String, String> fieldValues(long contactId) {
    Map<Long, String> byId = ContactLookups.fieldValuesById(em, contactId);
    Map<String, String> values = new LinkedHashMap<>();
    for (CustomField f : fields()) {
      if (byId.containsKey(f.getId())) {
        values.put(f.getName(), byId.get(f.getId()));
      }
    }
    return values;
  }

  /** Sets (or with a blank value clears) a custom field of a contact, validated by its type. */
  public void setField(long contactId, long fieldId, String raw) {
    get(contactId);
    CustomField field =
        Optional.ofNullable(em.find(CustomField.class, fieldId))
            .orElseThrow(
                () -> new ContactChangeRefusedException(ContactWords.FIELD_MISSING.with()));
    String value = refuseInvalid(() -> field.canonical(raw));
    putField(contactId, field.getId(), value);
  }

  void putField(long contactId, long fieldId, String value) {
    Optional<ContactFieldValue> existing =
        em.createNamedQuery(ContactFieldValue.OF_CONTACT, ContactFieldValue.class)
            .setParameter("contact", contactId)
            .getResultStream()
            .filter(v -> v.getFieldId() == fieldId)
            .findFirst();
    boolean changed;
    if (value == null) {
      changed = existing.isPresent();
      existing.ifPresent(em::remove);
    } else if (existing.isPresent()) {
      changed = !value.equals(existing.get().getValue());
      existing.get().setValue(value);
    } else {
      changed = true;
      em.persist(new ContactFieldValue(contactId, fieldId, value));
    }
    if (changed) {
      changes.fire(new ContactChanged(Tenancy.require(), contactId, false));
    }
  }

  private static <T> T refuseInvalid(java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new ContactChangeRefusedException(Wording.of(e));
    }
  }
}
