package in.picode.kretanote.billing.entity;

import in.picode.kretanote.billing.boundary.BillingWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
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
      price(BillingWords.MONTHLY_PRICE, monthlyPriceMinor);
      price(BillingWords.YEARLY_PRICE, yearlyPriceMinor);
      price(BillingWords.SEAT_PRICE, seatPriceMinor);
      price(BillingWords.OVERAGE_PRICE, overagePerThousandMinor);
      if (includedSeats < 1 || includedSeats > SEATS_MAX) {
        throw new WordedArgumentException(BillingWords.INCLUDED_SEATS.with(SEATS_MAX));
      }
      if (maxSeats < includedSeats || maxSeats > SEATS_MAX) {
        throw new WordedArgumentException(BillingWords.MAX_SEATS.with(SEATS_MAX));
      }
      if (messageAllowance < 0 || messageAllowance > 1_000_000_000L) {
        throw new WordedArgumentException(BillingWords.MESSAGE_ALLOWANCE.with());
      }
      features = features == null ? "" : features.strip();
      if (features.length() > FEATURES_MAX) {
        throw new WordedArgumentException(BillingWords.FEATURES_LONG.with(FEATURES_MAX));
      }
    }

    private static void price(BillingWords range, long minor) {
      if (minor < 0 || minor > PRICE_MAX) {
        throw new WordedArgumentException(range.with(PRICE_MAX));
      }
    }
  }

  public static String checkCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new WordedArgumentException(BillingWords.CURRENCY_CODE.with());
    }
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new WordedArgumentException(BillingWords.CURRENCY_UNKNOWN.with(code));
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
