package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingNotices;
import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.billing.control.InvoiceIssuer;
import in.picode.kretanote.billing.control.PaymentProvider;
import in.picode.kretanote.billing.control.PeriodInvoices;
import in.picode.kretanote.billing.control.Proration;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.InvoiceLine;
import in.picode.kretanote.billing.entity.Payment;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.billing.entity.Subscription;
import in.picode.kretanote.billing.entity.SubscriptionStatus;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's billing cycle: period ends (trial end, renewal, cancellation at period end),
 * charging open invoices, dunning and suspension, and applying payment results. Every method locks
 * the tenant's subscription row first ({@code SELECT ... FOR UPDATE}) and re-checks what is due
 * under the lock, so two servers running the same schedule do each step once; the invoice's billing
 * key is unique per tenant as a second wall.
 */
@Stateless
@TenantScoped
public class BillingCycle {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject BillingSettings settings;
  @Inject InvoiceIssuer issuer;
  @Inject PeriodInvoices periodInvoices;
  @Inject PaymentProvider provider;
  @Inject BillingNotices notices;

  Optional<Subscription> locked() {
    return em.createNamedQuery(Subscription.CURRENT, Subscription.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  List<Invoice> open() {
    return em.createNamedQuery(Invoice.OPEN, Invoice.class)
        .setParameter("status", Invoice.Status.OPEN)
        .getResultList();
  }

  /**
   * Does what is due now and returns the invoices to charge (each then in a transaction of its own
   * through {@link #collect}).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> advance() {
    Instant now = clock.instant();
    Subscription s = locked().orElse(null);
    if (s == null || s.getStatus() == SubscriptionStatus.CANCELLED) {
      return List.of();
    }
    List<Long> collect = new ArrayList<>();
    int periods = 0;
    while (s.getStatus() != SubscriptionStatus.SUSPENDED
        && s.getStatus() != SubscriptionStatus.CANCELLED
        && !s.getPeriodEnd().isAfter(now)
        && periods++ < 36) {
      boolean wasTrial = s.getStatus() == SubscriptionStatus.TRIAL;
      Instant endedStart = s.getPeriodStart();
      Instant endedEnd = s.getPeriodEnd();
      if (s.isCancelAtPeriodEnd()) {
        Invoice last = periodInvoices.overageOnly(s, endedStart, endedEnd, wasTrial, now);
        if (last != null && last.getStatus() == Invoice.Status.OPEN) {
          collect.add(last.getId());
        }
        s.cancelNow(endedEnd);
        notices.ended(endedEnd);
        break;
      }
      s.renew();
      Invoice invoice = periodInvoices.renewal(s, endedStart, endedEnd, wasTrial, now);
      if (invoice.getStatus() == Invoice.Status.OPEN) {
        if (invoice.getTotalMinor() == 0) {
          invoice.markPaid(now);
        } else {
          collect.add(invoice.getId());
        }
      }
    }
    if (s.getStatus() == SubscriptionStatus.CANCELLED) {
      return collect;
    }
    if (!collect.isEmpty()) {
      s.planCollection(null);
      return collect;
    }
    boolean owing = !open().isEmpty();
    if (s.getStatus() == SubscriptionStatus.PAST_DUE) {
      if (!owing) {
        s.settled(now);
      } else if (!now.isBefore(settings.dunning().suspendAt(s.getPastDueSince()))) {
        s.suspend(now);
        notices.suspended(s.getPastDueSince(), now);
        return List.of();
      }
    }
    if (owing && s.getNextRetryAt() != null && !s.getNextRetryAt().isAfter(now)) {
      s.planCollection(null);
      return open().stream().map(Invoice::getId).toList();
    }
    return List.of();
  }

  /** Charges one open invoice to the card on file (a no-op when it is paid already). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String collect(long invoiceId) {
    Instant now = clock.instant();
    Subscription s = locked().orElseThrow();
    Invoice invoice = em.find(Invoice.class, invoiceId);
    if (invoice == null || invoice.getStatus() != Invoice.Status.OPEN) {
      return "nothing to collect";
    }
    if (s.getPaymentMethodId() == null || s.getProviderCustomerId() == null) {
      failed(
          s, invoice, BillingWords.NO_CARD_ON_FILE.with(), "no-card:" + invoiceId + ":" + now, now);
      return "no payment method";
    }
    String key = "invoice-" + invoiceId + "-attempt-" + (s.getFailedAttempts() + 1);
    PaymentProvider.Intent intent;
    try {
      intent =
          provider.charge(
              s.getProviderCustomerId(),
              s.getPaymentMethodId(),
              invoice.getTotalMinor(),
              invoice.getCurrency(),
              invoiceId,
              key);
    } catch (PaymentProviderException e) {
      // Not the card's fault: try again in an hour without counting an attempt.
      s.planCollection(now.plus(Duration.ofHours(1)));
      return e.getMessage();
    }
    return applyIntent(s, invoice, intent, now);
  }

  /** A payment intent's state from a provider webhook; safe in any order and repeated. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String applyIntent(long invoiceId, PaymentProvider.Intent intent) {
    Instant now = clock.instant();
    Subscription s =
        locked()
            .orElseThrow(() -> new BillingRefusedException(BillingWords.NO_SUBSCRIPTION.with()));
    Invoice invoice = em.find(Invoice.class, invoiceId);
    if (invoice == null) {
      throw new BillingRefusedException(BillingWords.NO_INVOICE_FOR_CUSTOMER.with(invoiceId));
    }
    return applyIntent(s, invoice, intent, now);
  }

  private String applyIntent(
      Subscription s, Invoice invoice, PaymentProvider.Intent intent, Instant now) {
    if (!invoice.getCurrency().equals(intent.currency())) {
      throw new BillingRefusedException(
          BillingWords.PAYMENT_CURRENCY.with(
              invoice.getDisplayNumber(), invoice.getCurrency(), intent.currency()));
    }
    if (intent.amountMinor() != invoice.getTotalMinor()) {
      throw new BillingRefusedException(
          BillingWords.PAYMENT_AMOUNT.with(
              invoice.getDisplayNumber(),
              Money.format(invoice.getTotalMinor(), invoice.getCurrency()),
              Money.format(intent.amountMinor(), intent.currency())));
    }
    Payment payment =
        em.createNamedQuery(Payment.BY_INTENT, Payment.class)
            .setParameter("intent", intent.id())
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (payment == null) {
      payment =
          new Payment(invoice.getId(), intent.id(), intent.amountMinor(), intent.currency(), now);
      em.persist(payment);
    } else if (payment.getInvoiceId() != invoice.getId()) {
      throw new BillingRefusedException(BillingWords.PAYMENT_OTHER_INVOICE.with());
    }
    if (intent.succeeded()) {
      payment.advance(Payment.Status.SUCCEEDED, null, now);
      if (!invoice.markPaid(now)) {
        return "already paid";
      }
      if (open().stream().noneMatch(i -> !i.getId().equals(invoice.getId()))) {
        SubscriptionStatus before = s.getStatus();
        s.settled(now);
        if (before == SubscriptionStatus.PAST_DUE || before == SubscriptionStatus.SUSPENDED) {
          notices.settled(invoice, before == SubscriptionStatus.SUSPENDED);
        }
      }
      return "paid";
    }
    if (intent.failed()) {
      if (!payment.advance(Payment.Status.FAILED, intent.failureMessage(), now)
          || invoice.getStatus() != Invoice.Status.OPEN) {
        return "no change";
      }
      failed(
          s,
          invoice,
          intent.failureMessage() == null
              ? BillingWords.CARD_DECLINED.with()
              : Wording.unworded(intent.failureMessage()),
          "payment-failed:" + intent.id(),
          now);
      return "failed";
    }
    return "pending";
  }

  private void failed(Subscription s, Invoice invoice, Wording why, String dedupe, Instant now) {
    s.paymentFailed(now);
    Optional<Instant> retry =
        settings.dunning().nextRetry(s.getPastDueSince(), s.getFailedAttempts());
    s.planCollection(retry.orElse(null));
    notices.paymentFailed(
        invoice, why, retry, settings.dunning().suspendAt(s.getPastDueSince()), dedupe);
  }

  /** A card was saved through Checkout: remember it and charge what is owed right away. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String applyPaymentMethod(String paymentMethodId, String label) {
    Instant now = clock.instant();
    Subscription s =
        locked()
            .orElseThrow(() -> new BillingRefusedException(BillingWords.NO_SUBSCRIPTION.with()));
    if (paymentMethodId.equals(s.getPaymentMethodId())) {
      return "payment method already on file";
    }
    s.paymentMethod(paymentMethodId, label);
    if (!open().isEmpty() && s.getStatus() != SubscriptionStatus.CANCELLED) {
      s.planCollection(now);
    }
    return "payment method saved";
  }

  /**
   * Credits an invoice in full: a credit note with the negated lines. An open invoice becomes void;
   * a paid one is refunded through the provider.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Invoice creditNote(long invoiceId, String reason) {
    Instant now = clock.instant();
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw new BillingRefusedException(BillingWords.CREDIT_REASON.with(200));
    }
    Subscription s =
        locked()
            .orElseThrow(() -> new BillingRefusedException(BillingWords.NO_SUBSCRIPTION.with()));
    Invoice original = em.find(Invoice.class, invoiceId);
    if (original == null || original.getKind() != Invoice.Kind.INVOICE) {
      throw new BillingRefusedException(BillingWords.NO_INVOICE_TO_CREDIT.with(invoiceId));
    }
    if (issuer.byKey("credit:" + invoiceId).isPresent()) {
      throw new BillingRefusedException(
          BillingWords.CREDITED_ALREADY.with(original.getDisplayNumber()));
    }
    if (original.getStatus() == Invoice.Status.VOID) {
      throw new BillingRefusedException(
          BillingWords.INVOICE_VOID.with(original.getDisplayNumber()));
    }
    List<InvoiceIssuer.Line> lines = new ArrayList<>();
    for (InvoiceLine l : original.getLines()) {
      lines.add(
          new InvoiceIssuer.Line(
              l.getDescription(), l.getQuantity(), -l.getUnitMinor(), -l.getAmountMinor()));
    }
    boolean wasPaid = original.getStatus() == Invoice.Status.PAID;
    Invoice note =
        issuer.issue(
            Invoice.Kind.CREDIT_NOTE,
            "credit:" + invoiceId,
            original.getCurrency(),
            lines,
            original.getPeriodStart(),
            original.getPeriodEnd(),
            now);
    note.credits(
        original.getId(), "Credits invoice " + original.getDisplayNumber() + ": " + reason.strip());
    original.markVoid();
    if (wasPaid) {
      Payment paid =
          em.createNamedQuery(Payment.OF_INVOICE, Payment.class)
              .setParameter("invoice", original.getId())
              .getResultStream()
              .filter(p -> p.getStatus() == Payment.Status.SUCCEEDED)
              .findFirst()
              .orElse(null);
      if (paid != null) {
        provider.refund(paid.getIntentId(), paid.getAmountMinor(), "refund-" + note.getId());
      }
    } else if (open().isEmpty()) {
      s.settled(now);
    }
    return note;
  }

  /** The overage charge accrued so far in the running period, for the estimate. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Long> overageOf(Instant from, Instant to) {
    return em.createNamedQuery(Subscription.CURRENT, Subscription.class)
        .getResultStream()
        .findFirst()
        .flatMap(s -> periodInvoices.overage(s, from, to))
        .map(InvoiceIssuer.Line::amountMinor);
  }

  /** A plan or seat change of an active subscription, prorated (see {@link Proration}). */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<Invoice> prorate(Subscription s, PlanVersion newPlan, int newSeats, Instant now) {
    PlanVersion old = s.getPlanVersion();
    Proration.Result p =
        Proration.of(
            old.recurringMinor(s.getInterval(), s.getSeats()),
            newPlan.recurringMinor(s.getInterval(), newSeats),
            s.getPeriodStart(),
            s.getPeriodEnd(),
            now);
    String oldLabel = old.getPlan().getName() + ", " + s.getSeats() + " seats";
    String newLabel = newPlan.getPlan().getName() + ", " + newSeats + " seats";
    s.changePlan(newPlan, newSeats);
    if (p.netMinor() > 0) {
      String until = " until " + DATE.format(s.getPeriodEnd());
      Invoice invoice =
          issuer.issue(
              Invoice.Kind.INVOICE,
              "change:" + now.toEpochMilli(),
              s.getCurrency(),
              List.of(
                  new InvoiceIssuer.Line(
                      "Remaining time on " + newLabel + until, 1, p.chargeMinor(), p.chargeMinor()),
                  new InvoiceIssuer.Line(
                      "Unused time on " + oldLabel + until, 1, -p.creditMinor(), -p.creditMinor())),
              now,
              s.getPeriodEnd(),
              now);
      s.planCollection(now);
      return Optional.of(invoice);
    }
    if (p.netMinor() < 0) {
      s.addCredit(-p.netMinor());
    }
    return Optional.empty();
  }
}
