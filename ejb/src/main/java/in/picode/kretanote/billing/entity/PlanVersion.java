package in.picode.kretanote.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * One immutable price sheet of a plan. Money is in minor units (cents) of {@link #getCurrency()}.
 * {@code maxSeats} bounds the seat count a tenant may ask for, so a typo of 100000 seats is refused
 * instead of billed.
 */
@Entity
@Table(name = "billing_plan_version")
@NamedQuery(
    name = PlanVersion.LATEST_OF,
    query = "select v from PlanVersion v where v.plan = :plan order by v.versionNo desc")
public class PlanVersion {

  public static final String LATEST_OF = "PlanVersion.latestOf";

  /** Above this a price is surely a typo (ten million in major units). */
  public static final long PRICE_MAX = 1_000_000_000L;

  public static final int SEATS_MAX = 10_000;
  public static final int FEATURES_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_id", nullable = false, updatable = false)
  private Plan plan;

  @Column(name = "version_no", nullable = false, updatable = false)
  private int versionNo;

  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  @Column(name = "monthly_price_minor", nullable = false, updatable = false)
  private long monthlyPriceMinor;

  @Column(name = "yearly_price_minor", nullable = false, updatable = false)
  private long yearlyPriceMinor;

  @Column(name = "included_seats", nullable = false, updatable = false)
  private int includedSeats;

  @Column(name = "seat_price_minor", nullable = false, updatable = false)
  private long seatPriceMinor;

  @Column(name = "max_seats", nullable = false, updatable = false)
  private int maxSeats;

  @Column(name = "message_allowance", nullable = false, updatable = false)
  private long messageAllowance;

  @Column(name = "overage_per_thousand_minor", nullable = false, updatable = false)
  private long overagePerThousandMinor;

  @Column(nullable = false, updatable = false, length = FEATURES_MAX)
  private String features;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected PlanVersion() {}

  /** The prices of a plan as the operator enters them; every rule is checked here. */
  public record Prices(
      String currency,
      long monthlyPriceMinor,
      long yearlyPriceMinor,
      int includedSeats,
      long seatPriceMinor,
      int maxSeats,
      long messageAllowance,
      long overagePerThousandMinor,
      String features) {

    public Prices {
      currency = checkCurrency(currency);
      price("monthly price", monthlyPriceMinor);
      price("yearly price", yearlyPriceMinor);
      price("seat price", seatPriceMinor);
      price("overage price", overagePerThousandMinor);
      if (includedSeats < 1 || includedSeats > SEATS_MAX) {
        throw new IllegalArgumentException(
            "Included seats must be between 1 and " + SEATS_MAX + ".");
      }
      if (maxSeats < includedSeats || maxSeats > SEATS_MAX) {
        throw new IllegalArgumentException(
            "Maximum seats must be between the included seats and " + SEATS_MAX + ".");
      }
      if (messageAllowance < 0 || messageAllowance > 1_000_000_000L) {
        throw new IllegalArgumentException("The message allowance must be 0 to 1,000,000,000.");
      }
      features = features == null ? "" : features.strip();
      if (features.length() > FEATURES_MAX) {
        throw new IllegalArgumentException("Features are at most " + FEATURES_MAX + " characters.");
      }
    }

    private static void price(String what, long minor) {
      if (minor < 0 || minor > PRICE_MAX) {
        throw new IllegalArgumentException(
            "The " + what + " must be between 0 and " + PRICE_MAX + " minor units.");
      }
    }
  }

  public static String checkCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("A currency is a three-letter ISO 4217 code, e.g. EUR.");
    }
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(code + " is not an ISO 4217 currency.");
    }
    return code;
  }

  public PlanVersion(Plan plan, int versionNo, Prices prices, Instant createdAt) {
    this.plan = Objects.requireNonNull(plan);
    if (versionNo < 1) {
      throw new IllegalArgumentException("versionNo");
    }
    this.versionNo = versionNo;
    this.currency = prices.currency();
    this.monthlyPriceMinor = prices.monthlyPriceMinor();
    this.yearlyPriceMinor = prices.yearlyPriceMinor();
    this.includedSeats = prices.includedSeats();
    this.seatPriceMinor = prices.seatPriceMinor();
    this.maxSeats = prices.maxSeats();
    this.messageAllowance = prices.messageAllowance();
    this.overagePerThousandMinor = prices.overagePerThousandMinor();
    this.features = prices.features();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The recurring charge of one period for {@code seats} seats: plan price plus extra seats. */
  public long recurringMinor(BillingInterval interval, int seats) {
    long base = interval == BillingInterval.YEAR ? yearlyPriceMinor : monthlyPriceMinor;
    long extraSeats = Math.max(0, seats - includedSeats);
    long seatMonths = interval == BillingInterval.YEAR ? 12 : 1;
    return Math.addExact(base, Math.multiplyExact(extraSeats * seatMonths, seatPriceMinor));
  }

  public long extraSeatsMinor(BillingInterval interval, int seats) {
    return recurringMinor(interval, seats) - basePriceMinor(interval);
  }

  public long basePriceMinor(BillingInterval interval) {
    return interval == BillingInterval.YEAR ? yearlyPriceMinor : monthlyPriceMinor;
  }

  public Long getId() {
    return id;
  }

  public Plan getPlan() {
    return plan;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getCurrency() {
    return currency;
  }

  public long getMonthlyPriceMinor() {
    return monthlyPriceMinor;
  }

  public long getYearlyPriceMinor() {
    return yearlyPriceMinor;
  }

  public int getIncludedSeats() {
    return includedSeats;
  }

  public long getSeatPriceMinor() {
    return seatPriceMinor;
  }

  public int getMaxSeats() {
    return maxSeats;
  }

  public long getMessageAllowance() {
    return messageAllowance;
  }

  public long getOveragePerThousandMinor() {
    return overagePerThousandMinor;
  }

  public String getFeatures() {
    return features;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
