package in.picode.kretanote.platform.control;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant the current thread works for. A web request gets it from the signed-in user (never
 * from a parameter); a timer or sweeper sets it explicitly with {@link #callAs} for each tenant it
 * works on. {@link TenantScopeInterceptor} turns it into EclipseLink's tenant discriminator on
 * every tenant-scoped boundary call, and refuses to run without one.
 *
 * <p>A thread-local rather than a CDI scope because the same rule must hold in requests, timers and
 * asynchronous work; an {@code @Asynchronous} call does not inherit it and fails closed.
 */
public final class Tenancy {

  private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

  private Tenancy() {}

  public static Optional<Long> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The current tenant, or {@link NoTenantException} if this thread works for none. */
  public static long require() {
    Long id = CURRENT.get();
    if (id == null) {
      throw new NoTenantException();
    }
    return id;
  }

  /** Runs {@code work} for {@code tenantId} and restores what was there before. */
  public static <T> T callAs(long tenantId, Callable<T> work) throws Exception {
    if (tenantId <= 0) {
      throw new IllegalArgumentException("Not a tenant id: " + tenantId);
    }
    Long previous = CURRENT.get();
    CURRENT.set(tenantId);
    try {
      return work.call();
    } finally {
      restore(previous);
    }
  }

  public static void runAs(long tenantId, Runnable work) {
    try {
      callAs(
          tenantId,
          () -> {
            work.run();
            return null;
          });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * For the web filter, which binds the tenant for the length of a request; pair with {@link
   * #clear()} in a finally block.
   */
  public static void bind(long tenantId) {
    if (tenantId <= 0) {
      throw new IllegalArgumentException("Not a tenant id: " + tenantId);
    }
    CURRENT.set(tenantId);
  }

  public static void clear() {
    CURRENT.remove();
  }

  private static void restore(Long previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
