package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The platform operator's view across tenants: latest invoices (numbers, amounts, states, never
 * line details) and full credit notes (refunds). Native SQL for the cross-tenant list; the credit
 * note itself runs as the invoice's tenant.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingOperations {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject BillingCycle cycle;

  public record InvoiceRow(
      long id,
      long tenantId,
      String tenant,
      String kind,
      String number,
      long totalMinor,
      String currency,
      String status,
      Instant issuedAt) {}

  public List<InvoiceRow> latestInvoices(int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select i.id, i.tenant_id, t.name, i.kind, i.series, i.number, i.total_minor,"
                    + " i.currency, i.status, i.issued_at from invoice i join tenant t on t.id ="
                    + " i.tenant_id order by i.issued_at desc, i.id desc limit ?")
            .setParameter(1, Math.max(1, Math.min(max, 500)))
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new InvoiceRow(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    r[4] + "-" + String.format("%06d", ((Number) r[5]).longValue()),
                    ((Number) r[6]).longValue(),
                    (String) r[7],
                    (String) r[8],
                    r[9] instanceof Timestamp ts ? ts.toInstant() : null))
        .toList();
  }

  /** A full credit note for one tenant's invoice (refunded when it was paid). */
  public Invoice creditNote(long tenantId, long invoiceId, String reason) {
    try {
      return Tenancy.callAs(tenantId, () -> cycle.creditNote(invoiceId, reason));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
