package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The current tenant's contacts as WhatsApp webhooks name them: found or created by the identity
 * Meta sends, then updated with what Meta says now. Every method joins the caller's transaction
 * (the inbound applier stores a tenant's whole batch in one), and a contact the caller has met in
 * this transaction is found again in the persistence context, so applying a webhook costs the
 * statements it always did.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WhatsAppContacts {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Event<ContactChanged> changes;

  /**
   * What a webhook says about a person. The key is the user id when {@code byUserId}, else the
   * phone number; the other fields may be null.
   */
  public record Sighting(
      boolean byUserId, String userId, String waId, String profileName, String username) {

    public Sighting {
      if (byUserId) {
        Objects.requireNonNull(userId, "userId");
      } else {
        Objects.requireNonNull(waId, "waId");
      }
    }

    String key() {
      return byUserId ? userId : waId;
    }
  }

  /**
   * The contact Meta means: by identity first; a user id Meta sends for the first time finds the
   * contact known so far by phone number; a bare phone number finds the contact that has it.
   * Created when none exists, then updated. Returns its id.
   */
  public long seen(Sighting s, Instant now) {
    Contact contact = find(s).orElse(null);
    if (contact == null) {
      contact =
          new Contact(
              s.userId(),
              s.waId() != null && s.waId().length() <= Contact.WA_ID_MAX ? s.waId() : null,
              s.profileName(),
              now);
      em.persist(contact);
    }
    update(contact, s, now);
    if (contact.getId() == null) {
      em.flush();
      changes.fire(new ContactChanged(Tenancy.require(), contact.getId(), true));
    }
    return contact.getId();
  }

  /**
   * {@link #seen} for a whole batch of sightings, in their order, with the same result as calling
   * it once per sighting (a key met again is updated again): the contacts already known by their
   * identity are found with one query, only the others are looked up and created one by one.
   * Returns their ids in the order of {@code sightings}.
   */
  public List<Long> seenAll(List<Sighting> sightings, Instant now) {
    Set<String> keys = new LinkedHashSet<>();
    sightings.forEach(s -> keys.add(s.key()));
    Map<String, Contact> known = new HashMap<>();
    if (!keys.isEmpty()) {
      em.createNamedQuery(Contact.BY_IDENTITIES, Contact.class)
          .setParameter("keys", keys)
          .getResultList()
          .forEach(c -> known.put(c.getIdentityKey(), c));
    }
    List<Long> ids = new ArrayList<>(sightings.size());
    for (Sighting s : sightings) {
      Contact contact = known.get(s.key());
      if (contact != null) {
        update(contact, s, now);
        ids.add(contact.getId());
      } else {
        long id = seen(s, now);
        known.put(s.key(), em.find(Contact.class, id));
        ids.add(id);
      }
    }
    return ids;
  }

  /** Updates the contact {@code contactId}, found by {@link #seen} earlier in this transaction. */
  public void seenAgain(long contactId, Sighting s, Instant now) {
    update(em.find(Contact.class, contactId), s, now);
  }

  /**
   * The customer moved to a new number: the contact (keyed by its user id, or by the old number)
   * keeps its history and gets the new number.
   */
  public void numberChanged(long contactId, String newWaId, Instant now) {
    em.find(Contact.class, contactId).seenOnWhatsApp(null, newWaId, null, null, now);
  }

  private static void update(Contact contact, Sighting s, Instant now) {
    contact.seenOnWhatsApp(s.userId(), s.waId(), s.profileName(), s.username(), now);
  }

  private Optional<Contact> find(Sighting s) {
    Optional<Contact> byIdentity =
        em.createNamedQuery(Contact.BY_IDENTITY, Contact.class)
            .setParameter("key", s.key())
            .getResultStream()
            .findFirst();
    if (byIdentity.isPresent()) {
      return byIdentity;
    }
    if (s.byUserId()) {
      Optional<Contact> byUserId =
          em.createNamedQuery(Contact.BY_USER_ID, Contact.class)
              .setParameter("userId", s.userId())
              .setMaxResults(1)
              .getResultStream()
              .findFirst();
      if (byUserId.isPresent() || s.waId() == null) {
        return byUserId;
      }
      return em.createNamedQuery(Contact.BY_WA_ID_WITHOUT_USER_ID, Contact.class)
          .setParameter("waId", s.waId())
          .setMaxResults(1)
          .getResultStream()
          .findFirst();
    }
    return em.createNamedQuery(Contact.BY_WA_ID, Contact.class)
        .setParameter("waId", s.waId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
