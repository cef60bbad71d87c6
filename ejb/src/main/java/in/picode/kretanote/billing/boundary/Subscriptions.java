package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.billing.control.InvoicePdf;
import in.picode.kretanote.billing.control.PaymentProvider;
import in.picode.kretanote.billing.control.UsageMeter;
import in.picode.kretanote.billing.entity.BillingInterval;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.Payment;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.billing.entity.Subscription;
import in.picode.kretanote.billing.entity.SubscriptionStatus;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's subscription as its owner manages it: choose a plan (starting the trial),
 * change plan or seats (prorated), cancel at period end, save a card through the provider's
 * Checkout, and read invoices, payments and usage. Every refusal is a {@link
 * BillingRefusedException} that rolls the whole change back.
 */
@Stateless
@TenantScoped
public class Subscriptions {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject Plans plans;
  @Inject BillingCycle cycle;
  @Inject BillingSettings settings;
  @Inject UsageMeter usage;
  @Inject PaymentProvider provider;
  @Inject AuditLog audit;

  /** What the billing page shows about the period running now. */
  public record Estimate(
      long recurringMinor,
      long overageSoFarMinor,
      long creditMinor,
      long subtotalMinor,
      long taxMinor,
      int taxRateBp,
      long totalMinor,
      String currency) {
    public String total() {
      return Money.format(totalMinor, currency);
    }
  }

  public Optional<Subscription> current() {
    return em.createNamedQuery(Subscription.CURRENT, Subscription.class)
        .getResultStream()
        .findFirst();
  }

  private Subscription locked() {
    return em.createNamedQuery(Subscription.CURRENT, Subscription.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new BillingRefusedException(BillingWords.CHOOSE_PLAN_FIRST.with()));
  }

  /** Starts the subscription; the trial runs from sign-up for the configured length. */
  public Subscription choosePlan(
      String planCode, BillingInterval interval, int seats, long userId) {
    if (current().isPresent()) {
      throw new BillingRefusedException(BillingWords.SUBSCRIBED_ALREADY.with());
    }
    Plans.Offer offer = forSale(planCode);
    Tenant tenant = em.find(Tenant.class, Tenancy.require());
    if (tenant.getLegalName() == null || tenant.getCountry() == null) {
      throw new BillingRefusedException(BillingWords.DETAILS_FIRST.with());
    }
    Instant now = clock.instant();
    Instant trialEnd = tenant.getCreatedAt().plus(settings.trialLength());
    Subscription s;
    try {
      s =
          new Subscription(
              offer.current(),
              interval == null ? BillingInterval.MONTH : interval,
              seats,
              now,
              trialEnd);
    } catch (IllegalArgumentException e) {
      throw new BillingRefusedException(Wording.of(e));
    }
    em.persist(s);
    em.flush();
    audit(userId, "billing.plan.chosen", offer.plan().getCode() + ", " + seats + " seats");
    return s;
  }

  /** Another plan, same seat count; prorated when the subscription is paid for. */
  public Optional<Invoice> changePlan(String planCode, long userId) {
    Subscription s = locked();
    Plans.Offer offer = forSale(planCode);
    Optional<Invoice> invoice = change(s, offer.current(), s.getSeats());
    audit(userId, "billing.plan.changed", offer.plan().getCode());
    return invoice;
  }

  public Optional<Invoice> changeSeats(int seats, long userId) {
    Subscription s = locked();
    Optional<Invoice> invoice = change(s, s.getPlanVersion(), seats);
    audit(userId, "billing.seats.changed", Integer.toString(seats));
    return invoice;
  }

  private Optional<Invoice> change(Subscription s, PlanVersion target, int seats) {
    if (s.getStatus() != SubscriptionStatus.TRIAL && s.getStatus() != SubscriptionStatus.ACTIVE) {
      BillingWords unpaid =
          switch (s.getStatus()) {
            case PAST_DUE -> BillingWords.PAST_DUE;
            case SUSPENDED -> BillingWords.SUSPENDED;
            default -> BillingWords.CANCELLED;
          };
      throw new BillingRefusedException(unpaid.with());
    }
    if (!target.getCurrency().equals(s.getCurrency())) {
      throw new BillingRefusedException(
          BillingWords.CURRENCY_FIXED.with(
              target.getPlan().getName(), target.getCurrency(), s.getCurrency()));
    }
    try {
      Subscription.checkSeats(target, seats);
    } catch (IllegalArgumentException e) {
      throw new BillingRefusedException(Wording.of(e));
    }
    if (target.getId().equals(s.getPlanVersion().getId()) && seats == s.getSeats()) {
      throw new BillingRefusedException(BillingWords.SAME_PLAN.with());
    }
    long members =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from user_account where tenant_id = ? and status = 'ACTIVE'")
                    .setParameter(1, Tenancy.require())
                    .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
                    .getSingleResult())
            .longValue();
    if (seats < members) {
      throw new BillingRefusedException(BillingWords.TOO_FEW_SEATS.with(members, seats));
    }
    if (s.getStatus() == SubscriptionStatus.TRIAL) {
      s.changePlan(target, seats);
      return Optional.empty();
    }
    return cycle.prorate(s, target, seats, clock.instant());
  }

  public void cancelAtPeriodEnd(boolean cancel, long userId) {
    Subscription s = locked();
    if (s.getStatus() == SubscriptionStatus.CANCELLED) {
      throw new BillingRefusedException(BillingWords.ENDED.with());
    }
    s.setCancelAtPeriodEnd(cancel);
    audit(userId, cancel ? "billing.cancel.requested" : "billing.cancel.withdrawn", "");
  }

  /** A provider Checkout page to save a card; creates the provider customer on first use. */
  public String startCheckout(String successUrl, String cancelUrl, String email) {
    Subscription s = locked();
    if (s.getProviderCustomerId() == null) {
      Tenant tenant = em.find(Tenant.class, Tenancy.require());
      s.customer(provider.createCustomer(tenant.getId(), tenant.getName(), email));
    }
    return provider.createCheckout(s.getProviderCustomerId(), successUrl, cancelUrl).url();
  }

  public List<Invoice> invoices() {
    return em.createNamedQuery(Invoice.LATEST, Invoice.class).setMaxResults(200).getResultList();
  }

  public Invoice invoice(long id) {
    Invoice i = em.find(Invoice.class, id);
    if (i == null) {
      throw new BillingRefusedException(BillingWords.NO_INVOICE.with(id));
    }
    i.getLines().size();
    return i;
  }

  public byte[] pdf(long invoiceId) {
    return InvoicePdf.render(invoice(invoiceId), settings.seller());
  }

  public List<Payment> payments(long invoiceId) {
    return em.createNamedQuery(Payment.OF_INVOICE, Payment.class)
        .setParameter("invoice", invoiceId)
        .getResultList();
  }

  public Optional<Usage> usage() {
    return current().map(s -> usage.of(Tenancy.require(), s.getPeriodStart(), clock.instant()));
  }

  /** The next renewal invoice as it stands now (overage so far, before tax rounding changes). */
  public Optional<Estimate> estimate() {
    return current()
        .filter(s -> s.getStatus() != SubscriptionStatus.CANCELLED && !s.isCancelAtPeriodEnd())
        .map(
            s -> {
              PlanVersion plan = s.getPlanVersion();
              long recurring = plan.recurringMinor(s.getInterval(), s.getSeats());
              long overage =
                  s.getStatus() == SubscriptionStatus.TRIAL
                      ? 0
                      : cycle.overageOf(s.getPeriodStart(), clock.instant()).orElse(0L);
              long before = recurring + overage;
              long credit = Math.min(before, s.getCreditMinor());
              long subtotal = before - credit;
              Tenant t = em.find(Tenant.class, Tenancy.require());
              int rate = settings.taxRates().basisPointsFor(t.getCountry());
              long tax = Money.tax(subtotal, rate);
              return new Estimate(
                  recurring, overage, credit, subtotal, tax, rate, subtotal + tax, s.getCurrency());
            });
  }

  private Plans.Offer forSale(String code) {
    Plans.Offer offer = plans.offer(code);
    if (!offer.plan().isActive()) {
      throw new BillingRefusedException(BillingWords.PLAN_RETIRED.with(offer.plan().getName()));
    }
    return offer;
  }

  private void audit(long userId, String action, String detail) {
    audit.record(userId, null, action, detail, null);
  }
}
