package in.picode.kretanote.platform.control;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.config.EntityManagerProperties;

/**
 * Sets EclipseLink's tenant discriminator on the transaction's persistence context before a
 * tenant-scoped boundary runs. All reads, JPQL updates and deletes, and inserts of
 * {@code @Multitenant} entities are then confined to that tenant by EclipseLink itself.
 *
 * <p>The persistence context of one transaction serves one tenant: a nested call that asks for
 * another tenant inside the same transaction is refused instead of silently switching.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TenantScopeInterceptor {

  public static final String TENANT_PROPERTY = EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @AroundInvoke
  public Object scope(InvocationContext call) throws Exception {
    String tenant = Long.toString(Tenancy.require());
    Object bound = em.getProperties().get(TENANT_PROPERTY);
    if (bound != null && !tenant.equals(bound.toString())) {
      throw new IllegalStateException(
          "This transaction already works for another tenant; start a new transaction");
    }
    em.setProperty(TENANT_PROPERTY, tenant);
    return call.proceed();
  }
}
