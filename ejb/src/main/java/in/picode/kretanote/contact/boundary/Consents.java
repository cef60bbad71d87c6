package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.ContactConsent;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A contact's consent per category and its ledger. Every change, whoever makes it (the customer's
 * keyword, Meta's error 131050, an agent), writes the current state and one ledger entry in the
 * same transaction; a "change" to the state the contact already has writes nothing.
 */
@Stateless
@TenantScoped
public class Consents {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Event<ConsentChanged> changes;

  private final Clock clock = Clock.systemUTC();

  /** {@code true} granted, {@code false} withdrawn, empty never recorded. */
  public Optional<Boolean> consent(long contactId, Category category) {
    return current(contactId, category).map(ContactConsent::isGranted);
  }

  /** Returns whether anything changed; refuses a contact of another tenant. */
  public boolean change(
      long contactId,
      Category category,
      boolean granted,
      ConsentEvent.Source source,
      String actor,
      String evidence) {
    if (em.find(Contact.class, contactId) == null) {
      throw new ContactNotFoundException(contactId);
    }
    Instant now = Instant.now(clock);
    Optional<ContactConsent> current = current(contactId, category);
    if (current.isPresent() && current.get().isGranted() == granted) {
      return false;
    }
    if (current.isPresent()) {
      current.get().change(granted, source.name(), now);
    } else {
      em.persist(new ContactConsent(contactId, category, granted, source.name(), now));
    }
    em.persist(new ConsentEvent(contactId, category, granted, source, actor, evidence, now));
    changes.fire(
        new ConsentChanged(Tenancy.require(), contactId, category, granted, source.name()));
    return true;
  }

  public List<ConsentEvent> ledger(long contactId) {
    return em.createNamedQuery(ConsentEvent.OF_CONTACT, ConsentEvent.class)
        .setParameter("contact", contactId)
        .getResultList();
  }

  /** Of {@code contactIds}, those whose consent for {@code category} is withdrawn. */
  public Set<Long> withdrawn(Collection<Long> contactIds, Category category) {
    if (contactIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createNamedQuery(ContactConsent.WITHDRAWN, Long.class)
            .setParameter("contacts", contactIds)
            .setParameter("category", category)
            .getResultList());
  }

  private Optional<ContactConsent> current(long contactId, Category category) {
    return em.createNamedQuery(ContactConsent.OF_CONTACT, ContactConsent.class)
        .setParameter("contact", contactId)
        .getResultStream()
        .filter(c -> c.getCategory() == category)
        .findFirst();
  }
}
