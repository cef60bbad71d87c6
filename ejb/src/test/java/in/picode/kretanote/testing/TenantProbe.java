package in.picode.kretanote.testing;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What a careless piece of code might do inside a tenant: bulk JPQL by id, merge of an object that
 * came from elsewhere, native SQL. Used by the isolation tests to show none of it crosses tenants.
 */
@Stateless
@TenantScoped
public class TenantProbe {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  public int bulkRename(long id, String name) {
    return em.createQuery("update Contact c set c.displayName = :n where c.id = :id")
        .setParameter("n", name)
        .setParameter("id", id)
        .executeUpdate();
  }

  public int bulkDelete(long id) {
    return em.createQuery("delete from Contact c where c.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  public Contact merge(Contact detached) {
    Contact merged = em.merge(detached);
    em.flush();
    return merged;
  }

  public long countNative() {
    return ((Number) em.createNativeQuery("select count(*) from contact").getSingleResult())
        .longValue();
  }

  public long countJpql() {
    return em.createQuery("select count(c) from Contact c", Long.class).getSingleResult();
  }
}
