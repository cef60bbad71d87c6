package in.picode.kretanote.billing.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Gapless invoice numbers per series. The counter row of the series is locked ({@code SELECT ...
 * FOR UPDATE}) in the caller's transaction, the one that inserts the invoice: a second transaction
 * wanting a number waits until the first commits or rolls back, and a rolled-back invoice takes its
 * number back with it. Native SQL: the counter is platform-wide, not a tenant's row.
 */
@Dependent
public class InvoiceNumbers {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject InvoiceCounters counters;

  /** The next number of {@code series}; must run inside the invoice's transaction. */
  public long next(String series) {
    // A locking read of a missing row would take a gap lock that the insert in the counter's own
    // transaction waits for: look first without locking, create the row if it is new.
    boolean exists =
        !em.createNativeQuery("select 1 from invoice_counter where series = ?")
            .setParameter(1, series)
            .setHint(ALLOW_NATIVE, "true")
            .getResultList()
            .isEmpty();
    if (!exists) {
      counters.ensure(series);
    }
    Number next = locked(series);
    em.createNativeQuery(
            "update invoice_counter set next_number = next_number + 1 where series = ?")
        .setParameter(1, series)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
    return next.longValue();
  }

  private Number locked(String series) {
    return (Number)
        em.createNativeQuery("select next_number from invoice_counter where series = ? for update")
            .setParameter(1, series)
            .setHint(ALLOW_NATIVE, "true")
            .getResultStream()
            .findFirst()
            .orElse(null);
  }
}
