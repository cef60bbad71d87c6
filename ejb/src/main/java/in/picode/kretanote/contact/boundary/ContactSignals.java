package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.NumberConflict;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What WhatsApp tells about a contact besides messages (issue 20): call permission answers, a
 * changed identity, a changed number. The writing methods join the inbound applier's transaction
 * and are idempotent, so a replayed webhook changes nothing.
 */
@Stateless
@TenantScoped
public class ContactSignals {

  private static final Logger LOG = System.getLogger(ContactSignals.class.getName());

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** What a number change did. */
  public enum Move {
    MOVED,
    UNCHANGED,
    /** The new number belongs to another contact: nothing moved, a conflict is recorded. */
    CONFLICT
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean callPermission(
      long contactId, boolean accepted, boolean permanent, Instant expiresAt, Instant at) {
    Contact c = em.find(Contact.class, contactId);
    return c != null && c.callPermission(accepted, permanent, expiresAt, at);
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean identityChanged(long contactId, String notice, Instant at) {
    Contact c = em.find(Contact.class, contactId);
    return c != null && c.identityChanged(notice, at);
  }

  /**
   * The customer moved to {@code newWaId} ({@code user_changed_number}): the contact keeps its
   * history, conversations and consent and gets the new number. If another contact of the tenant
   * has that number already, nothing moves (two contacts would share one number, and a later
   * message from it could land on either): the conflict is recorded once for a person to merge.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Move moveNumber(long contactId, String newWaId, long eventId, Instant now) {
    Contact c = em.find(Contact.class, contactId);
    if (c == null || newWaId == null || newWaId.isBlank() || newWaId.equals(c.getWaId())) {
      return Move.UNCHANGED;
    }
    Optional<Contact> other =
        em.createNamedQuery(Contact.BY_WA_ID, Contact.class)
            .setParameter("waId", newWaId)
            .getResultStream()
            .filter(o -> o.getId() != contactId)
            .findFirst()
            .or(
                () ->
                    em.createNamedQuery(Contact.BY_IDENTITY, Contact.class)
                        .setParameter("key", newWaId)
                        .getResultStream()
                        .filter(o -> o.getId() != contactId)
                        .findFirst());
    if (other.isPresent()) {
      boolean known =
          !em.createNamedQuery(NumberConflict.BY_KEY, NumberConflict.class)
              .setParameter("contact", contactId)
              .setParameter("waId", newWaId)
              .getResultList()
              .isEmpty();
      if (!known) {
        em.persist(new NumberConflict(contactId, other.get().getId(), newWaId, eventId, now));
        LOG.log(
            Level.WARNING,
            "Number change of contact {0} not applied: contact {1} has the new number (event {2})",
            contactId,
            other.get().getId(),
            eventId);
      }
      return Move.CONFLICT;
    }
    c.seenOnWhatsApp(null, newWaId, null, null, now);
    return Move.MOVED;
  }

  /** The number changes of the contact (either side) that wait for a person to merge. */
  public List<NumberConflict> conflicts(long contactId) {
    return em.createNamedQuery(NumberConflict.OF_CONTACT, NumberConflict.class)
        .setParameter("contact", contactId)
        .getResultList();
  }
}
