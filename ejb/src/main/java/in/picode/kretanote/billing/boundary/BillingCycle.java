package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.billing.control.InvoiceIssuer;
import in.picode.kretanote.billing.control.PaymentProvider;
import in.picode.kretanote.billing.control.Proration;
import in.picode.kretanote.billing.control.UsageMeter;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.InvoiceLine;
import in.picode.kretanote.billing.entity.Payment;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.billing.entity.Subscription;
import in.picode.kretanote.billing.entity.SubscriptionStatus;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
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

  static final String KIND = "BILLING";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject BillingSettings settings;
  @Inject InvoiceIssuer issuer;
  @Inject UsageMeter usage;
  @Inject PaymentProvider provider;
  @Inject Notifications notifications;

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
        Invoice last = overageOnly(s, endedStart, endedEnd, wasTrial, now);
        if (last != null && last.getStatus() == Invoice.Status.OPEN) {
          collect.add(last.getId());
        }
        s.cancelNow(endedEnd);
        notify(
            "Your KretaNote subscription has ended",
            "Your subscription ended on "
                + DATE.format(endedEnd)
                + " as you asked. Sending messages has stopped; incoming messages are still"
                + " received. Choose a plan under Settings → Billing to continue.",
            "cancelled:" + endedEnd.toEpochMilli());
        break;
      }
      s.renew();
      Invoice invoice = renewal(s, endedStart, endedEnd, wasTrial, now);
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
        notify(
            "Sending is paused: your KretaNote invoice is unpaid",
            "We could not collect your payment since "
                + DATE.format(s.getPastDueSince())
                + ", so sending messages and campaigns is paused. Incoming messages are still"
                + " received and stored. Pay under Settings → Billing (update your card) and"
                + " sending resumes at once.",
            "suspended:" + now.toEpochMilli());
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
      failed(s, invoice, "there is no card on file", "no-card:" + invoiceId + ":" + now, now);
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
    Subscription s = locked().orElseThrow(() -> new BillingRefusedException("No subscription"));
    Invoice invoice = em.find(Invoice.class, invoiceId);
    if (invoice == null) {
      throw new BillingRefusedException("No invoice " + invoiceId + " for this customer");
    }
    return applyIntent(s, invoice, intent, now);
  }

  private String applyIntent(
      Subscription s, Invoice invoice, PaymentProvider.Intent intent, Instant now) {
    if (!invoice.getCurrency().equals(intent.currency())) {
      throw new BillingRefusedException(
          "Currency mismatch: invoice "
              + invoice.getDisplayNumber()
              + " is in "
              + invoice.getCurrency()
              + ", the payment in "
              + intent.currency());
    }
    if (intent.amountMinor() != invoice.getTotalMinor()) {
      throw new BillingRefusedException(
          "Amount mismatch: invoice "
              + invoice.getDisplayNumber()
              + " is "
              + Money.format(invoice.getTotalMinor(), invoice.getCurrency())
              + ", the payment "
              + Money.format(intent.amountMinor(), intent.currency()));
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
      throw new BillingRefusedException("The payment belongs to another invoice");
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
          notify(
              "Payment received: your KretaNote subscription is active",
              "Thank you: invoice "
                  + invoice.getDisplayNumber()
                  + " is paid"
                  + (before == SubscriptionStatus.SUSPENDED ? " and sending works again." : "."),
              "settled:" + invoice.getId());
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
          intent.failureMessage() == null ? "the card was declined" : intent.failureMessage(),
          "payment-failed:" + intent.id(),
          now);
      return "failed";
    }
    return "pending";
  }

  private void failed(Subscription s, Invoice invoice, String why, String dedupe, Instant now) {
    s.paymentFailed(now);
    Optional<Instant> retry =
        settings.dunning().nextRetry(s.getPastDueSince(), s.getFailedAttempts());
    s.planCollection(retry.orElse(null));
    Instant suspendAt = settings.dunning().suspendAt(s.getPastDueSince());
    notify(
        "Payment failed for KretaNote invoice " + invoice.getDisplayNumber(),
        "We could not collect "
            + Money.format(invoice.getTotalMinor(), invoice.getCurrency())
            + " for invoice "
            + invoice.getDisplayNumber()
            + ": "
            + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why)
            + ". "
            + retry.map(r -> "We will try again on " + DATE.format(r) + ". ").orElse("")
            + "If it is still unpaid on "
            + DATE.format(suspendAt)
            + ", sending messages pauses until it is paid (incoming messages keep arriving)."
            + " Update your card under Settings → Billing.",
        dedupe);
  }

  /** A card was saved through Checkout: remember it and charge what is owed right away. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String applyPaymentMethod(String paymentMethodId, String label) {
    Instant now = clock.instant();
    Subscription s = locked().orElseThrow(() -> new BillingRefusedException("No subscription"));
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
      throw new BillingRefusedException("Give a reason of 1 to 200 characters.");
    }
    Subscription s = locked().orElseThrow(() -> new BillingRefusedException("No subscription"));
    Invoice original = em.find(Invoice.class, invoiceId);
    if (original == null || original.getKind() != Invoice.Kind.INVOICE) {
      throw new BillingRefusedException("There is no invoice " + invoiceId + " to credit.");
    }
    if (issuer.byKey("credit:" + invoiceId).isPresent()) {
      throw new BillingRefusedException(
          "Invoice " + original.getDisplayNumber() + " has been credited already.");
    }
    if (original.getStatus() == Invoice.Status.VOID) {
      throw new BillingRefusedException("Invoice " + original.getDisplayNumber() + " is void.");
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

  private Invoice renewal(
      Subscription s, Instant endedStart, Instant endedEnd, boolean wasTrial, Instant now) {
    PlanVersion plan = s.getPlanVersion();
    String name = plan.getPlan().getName();
    String interval =
        s.getInterval() == in.picode.kretanote.billing.entity.BillingInterval.YEAR
            ? "yearly"
            : "monthly";
    List<InvoiceIssuer.Line> lines = new ArrayList<>();
    long base = plan.basePriceMinor(s.getInterval());
    lines.add(
        new InvoiceIssuer.Line(
            name
                + " plan, "
                + interval
                + " ("
                + DATE.format(s.getPeriodStart())
                + " – "
                + DATE.format(s.getPeriodEnd())
                + ")",
            1,
            base,
            base));
    long extra = Math.max(0, s.getSeats() - plan.getIncludedSeats());
    if (extra > 0) {
      long months =
          s.getInterval() == in.picode.kretanote.billing.entity.BillingInterval.YEAR ? 12 : 1;
      lines.add(
          new InvoiceIssuer.Line(
              "Extra seats beyond the "
                  + plan.getIncludedSeats()
                  + " included"
                  + (months > 1 ? " (× 12 months)" : ""),
              extra * months,
              plan.getSeatPriceMinor(),
              Math.multiplyExact(extra * months, plan.getSeatPriceMinor())));
    }
    if (!wasTrial) {
      overage(s, endedStart, endedEnd).ifPresent(lines::add);
    }
    long sum = lines.stream().mapToLong(InvoiceIssuer.Line::amountMinor).sum();
    long credit = s.useCredit(sum);
    if (credit > 0) {
      lines.add(new InvoiceIssuer.Line("Credit from earlier plan changes", 1, -credit, -credit));
    }
    return issuer.issue(
        Invoice.Kind.INVOICE,
        "renewal:" + s.getPeriodStart().toEpochMilli(),
        s.getCurrency(),
        lines,
        s.getPeriodStart(),
        s.getPeriodEnd(),
        now);
  }

  private Invoice overageOnly(
      Subscription s, Instant endedStart, Instant endedEnd, boolean wasTrial, Instant now) {
    if (wasTrial) {
      return null;
    }
    Optional<InvoiceIssuer.Line> line = overage(s, endedStart, endedEnd);
    if (line.isEmpty()) {
      return null;
    }
    return issuer.issue(
        Invoice.Kind.INVOICE,
        "final:" + endedEnd.toEpochMilli(),
        s.getCurrency(),
        List.of(line.get()),
        endedStart,
        endedEnd,
        now);
  }

  /** The overage charge accrued so far in the running period, for the estimate. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Long> overageOf(Instant from, Instant to) {
    return em.createNamedQuery(Subscription.CURRENT, Subscription.class)
        .getResultStream()
        .findFirst()
        .flatMap(s -> overage(s, from, to))
        .map(InvoiceIssuer.Line::amountMinor);
  }

  /** Messages sent beyond the plan's allowance in the ended period, priced per thousand. */
  Optional<InvoiceIssuer.Line> overage(Subscription s, Instant from, Instant to) {
    PlanVersion plan = s.getPlanVersion();
    long sent = usage.of(Tenancy.require(), from, to).sent();
    long over = sent - plan.getMessageAllowance();
    if (over <= 0 || plan.getOveragePerThousandMinor() == 0) {
      return Optional.empty();
    }
    long amount = Math.multiplyExact(over, plan.getOveragePerThousandMinor());
    amount = (amount + 500) / 1000;
    return Optional.of(
        new InvoiceIssuer.Line(
            "Messages beyond the allowance of "
                + plan.getMessageAllowance()
                + " ("
                + sent
                + " sent "
                + DATE.format(from)
                + " – "
                + DATE.format(to)
                + "), "
                + Money.format(plan.getOveragePerThousandMinor(), s.getCurrency())
                + " per 1000",
            over,
            0,
            amount));
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

  private void notify(String subject, String body, String dedupe) {
    notifications.notifyAdmins(
        KIND, Notification.Severity.WARNING, subject, body, "billing:" + dedupe);
  }
}
