package in.picode.kretanote.billing.control;

import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issues an invoice or credit note for the current tenant inside the caller's transaction: the
 * buyer's billing profile is copied in, tax comes from the buyer's country, the number from the
 * locked series counter. A billing key already used returns the existing document instead of a
 * second one.
 */
@Dependent
public class InvoiceIssuer {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject InvoiceNumbers numbers;
  @Inject BillingSettings settings;

  public record Line(String description, long quantity, long unitMinor, long amountMinor) {}

  public Optional<Invoice> byKey(String billingKey) {
    return em.createNamedQuery(Invoice.BY_KEY, Invoice.class)
        .setParameter("key", billingKey)
        .getResultStream()
        .findFirst();
  }

  public Invoice issue(
      Invoice.Kind kind,
      String billingKey,
      String currency,
      List<Line> lines,
      Instant periodStart,
      Instant periodEnd,
      Instant now) {
    Optional<Invoice> existing = byKey(billingKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    Tenant tenant = em.find(Tenant.class, Tenancy.require());
    String country = tenant == null ? null : tenant.getCountry();
    int rate = settings.taxRates().basisPointsFor(country);
    String prefix =
        kind == Invoice.Kind.CREDIT_NOTE ? settings.creditNotePrefix() : settings.invoicePrefix();
    String series = prefix + "-" + now.atOffset(ZoneOffset.UTC).getYear();
    long number = numbers.next(series);
    Invoice invoice =
        new Invoice(
            kind,
            series,
            number,
            billingKey,
            currency,
            rate,
            country,
            periodStart,
            periodEnd,
            now,
            now.plus(settings.paymentTerms()),
            buyer(tenant));
    long subtotal = 0;
    for (Line l : lines) {
      invoice.addLine(l.description(), l.quantity(), l.unitMinor(), l.amountMinor());
      subtotal = Math.addExact(subtotal, l.amountMinor());
    }
    invoice.totals(subtotal, Money.tax(subtotal, rate));
    em.persist(invoice);
    em.flush();
    return invoice;
  }

  static String buyer(Tenant t) {
    if (t == null) {
      return "";
    }
    return Stream.of(
            t.getLegalName() == null ? t.getName() : t.getLegalName(),
            t.getAddressLine(),
            join(t.getPostalCode(), t.getCity()),
            t.getCountry(),
            t.getTaxId() == null ? null : "Tax id: " + t.getTaxId())
        .filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining("\n"));
  }

  private static String join(String a, String b) {
    return Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
  }
}
