package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The platform's list of tenants. Not tenant-scoped: sign-up creates tenants and platform operators
 * list them; nothing here reads a tenant's content.
 */
@Stateless
public class Tenants {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public Tenant create(String name) {
    Tenant t = new Tenant(name, Instant.now(clock));
    em.persist(t);
    em.flush();
    return t;
  }

  public Optional<Tenant> find(long id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  /** The tenant the current request or job works for, if any (the page header shows its name). */
  public Optional<Tenant> current() {
    return Tenancy.current().flatMap(this::find);
  }

  public List<Tenant> all() {
    return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
  }
}
