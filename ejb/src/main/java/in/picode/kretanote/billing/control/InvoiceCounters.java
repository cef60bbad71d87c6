package in.picode.kretanote.billing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Creates a series' counter row in a transaction of its own, so that the invoice transaction only
 * ever takes the exclusive row lock (an INSERT IGNORE on an existing row takes a shared lock, and
 * two of those upgraded to exclusive deadlock).
 */
@Stateless
public class InvoiceCounters {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensure(String series) {
    em.createNativeQuery("insert ignore into invoice_counter (series, next_number) values (?, 1)")
        .setParameter(1, series)
        .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
        .executeUpdate();
  }
}
