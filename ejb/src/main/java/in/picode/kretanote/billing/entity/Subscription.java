package in.picode.kretanote.billing.entity;

import in.picode.kretanote.billing.boundary.BillingWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The current tenant's subscription (one per tenant). The state changes are methods here so that
 * every caller (the timer, payment results, the billing page) follows the same rules; the boundary
 * locks the row before calling them.
 */
@Entity
@Table(name = "subscription")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Subscription.CURRENT, query = "select s from Subscription s")
public class Subscription {

  public static final String CURRENT = "Subscription.current";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_version_id", nullable = false)
  private PlanVersion planVersion;

  @Enumerated(EnumType.STRING)
  @Column(name = "billing_interval", nullable = false, length = 8)
  private BillingInterval interval;

  @Column(nullable = false)
  private int seats;

  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private SubscriptionStatus status;

  @Column(name = "trial_ends_at")
  private Instant trialEndsAt;

  @Column(name = "period_start", nullable = false)
  private Instant periodStart;

  @Column(name = "period_end", nullable = false)
  private Instant periodEnd;

  @Column(name = "cancel_at_period_end", nullable = false)
  private boolean cancelAtPeriodEnd;

  @Column(name = "past_due_since")
  private Instant pastDueSince;

  @Column(name = "next_retry_at")
  private Instant nextRetryAt;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "credit_minor", nullable = false)
  private long creditMinor;

  @Column(name = "provider_customer_id", length = 64)
  private String providerCustomerId;

  @Column(name = "payment_method_id", length = 64)
  private String paymentMethodId;

  @Column(name = "payment_method_label", length = 64)
  private String paymentMethodLabel;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Subscription() {}

  /** A trial until {@code trialEndsAt}; the trial is the first "period". */
  public Subscription(
      PlanVersion plan, BillingInterval interval, int seats, Instant now, Instant trialEndsAt) {
    this.planVersion = Objects.requireNonNull(plan);
    this.interval = Objects.requireNonNull(interval);
    this.seats = checkSeats(plan, seats);
    this.currency = plan.getCurrency();
    this.status = SubscriptionStatus.TRIAL;
    this.createdAt = now;
    this.periodStart = now;
    this.trialEndsAt = trialEndsAt.isBefore(now) ? now : trialEndsAt;
    this.periodEnd = this.trialEndsAt;
  }

  public static int checkSeats(PlanVersion plan, int seats) {
    if (seats < 1) {
      throw new WordedArgumentException(BillingWords.SEATS_MIN.with());
    }
    if (seats > plan.getMaxSeats()) {
      throw new WordedArgumentException(
          BillingWords.SEATS_OVER_PLAN.with(plan.getPlan().getName(), plan.getMaxSeats(), seats));
    }
    return seats;
  }

  /** The period ended (or the trial did): the next one starts where it ended. */
  public void renew() {
    periodStart = periodEnd;
    periodEnd = interval.after(periodStart);
    if (status == SubscriptionStatus.TRIAL) {
      status = SubscriptionStatus.ACTIVE;
    }
  }

  public void cancelNow(Instant now) {
    status = SubscriptionStatus.CANCELLED;
    cancelledAt = now;
    nextRetryAt = null;
  }

  /** A payment failed: past due from the first failure, with the next retry planned. */
  public void paymentFailed(Instant now) {
    failedAttempts++;
    if (status == SubscriptionStatus.TRIAL || status == SubscriptionStatus.ACTIVE) {
      status = SubscriptionStatus.PAST_DUE;
      pastDueSince = now;
    }
    nextRetryAt = null;
  }

  /** When open invoices are charged next (null: no automatic attempt planned). */
  public void planCollection(Instant at) {
    nextRetryAt = at;
  }

  public void suspend(Instant now) {
    status = SubscriptionStatus.SUSPENDED;
    suspendedAt = now;
    nextRetryAt = null;
  }

  /** Everything owed is paid: back to active, the dunning forgotten. */
  public void settled(Instant now) {
    if (status == SubscriptionStatus.SUSPENDED && periodEnd.isBefore(now)) {
      // Not billed for the suspended time: the next period starts now.
      periodEnd = now;
    }
    if (status == SubscriptionStatus.PAST_DUE || status == SubscriptionStatus.SUSPENDED) {
      status = SubscriptionStatus.ACTIVE;
    }
    pastDueSince = null;
    nextRetryAt = null;
    failedAttempts = 0;
    suspendedAt = null;
  }

  public void changePlan(PlanVersion plan, int seats) {
    this.seats = checkSeats(plan, seats);
    this.planVersion = plan;
  }

  public void customer(String customerId) {
    this.providerCustomerId = customerId;
  }

  public void paymentMethod(String id, String label) {
    this.paymentMethodId = id;
    this.paymentMethodLabel = label;
  }

  public void setCancelAtPeriodEnd(boolean cancel) {
    this.cancelAtPeriodEnd = cancel;
  }

  public void addCredit(long minor) {
    creditMinor = Math.addExact(creditMinor, minor);
  }

  /** Uses up to {@code max} of the credit, returning how much was used. */
  public long useCredit(long max) {
    long used = Math.min(creditMinor, Math.max(0, max));
    creditMinor -= used;
    return used;
  }

  public Long getId() {
    return id;
  }

  public PlanVersion getPlanVersion() {
    return planVersion;
  }

  public BillingInterval getInterval() {
    return interval;
  }

  public int getSeats() {
    return seats;
  }

  public String getCurrency() {
    return currency;
  }

  public SubscriptionStatus getStatus() {
    return status;
  }

  public Instant getTrialEndsAt() {
    return trialEndsAt;
  }

  public Instant getPeriodStart() {
    return periodStart;
  }

  public Instant getPeriodEnd() {
    return periodEnd;
  }

  public boolean isCancelAtPeriodEnd() {
    return cancelAtPeriodEnd;
  }

  public Instant getPastDueSince() {
    return pastDueSince;
  }

  public Instant getNextRetryAt() {
    return nextRetryAt;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Instant getSuspendedAt() {
    return suspendedAt;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public long getCreditMinor() {
    return creditMinor;
  }

  public String getProviderCustomerId() {
    return providerCustomerId;
  }

  public String getPaymentMethodId() {
    return paymentMethodId;
  }

  public String getPaymentMethodLabel() {
    return paymentMethodLabel;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
