package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The current tenant's contacts. */
@Stateless
@TenantScoped
public class Contacts {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public Contact create(String userId, String waId, String profileName) {
    Contact c = new Contact(userId, waId, profileName, Instant.now(clock));
    em.persist(c);
    em.flush();
    return c;
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
        .setMaxResults(Math.min(Math.max(max, 1), 200))
        .getResultList();
  }

  public Contact rename(long id, String name) {
    Contact c = get(id);
    c.rename(name, Instant.now(clock));
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
}
