package in.picode.kretanote.billing.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Proration of a plan or seat change in the middle of a period, by the second.
 *
 * <pre>
 *   remaining = (periodEnd - changeAt) / (periodEnd - periodStart)     (seconds)
 *   credit    = round(oldRecurring x remaining)   unused time of what was paid
 *   charge    = round(newRecurring x remaining)   remaining time of the new price
 *   net       = charge - credit                   > 0: invoiced now; < 0: kept as credit
 * </pre>
 *
 * Rounding is half-up on exact integer arithmetic (no floating point). Example checked by hand in
 * ProrationTest: a 30-day period, change after 20 days, 29.00 → 99.00: credit 9.67, charge 33.00,
 * net 23.33.
 */
public final class Proration {

  public record Result(
      long creditMinor, long chargeMinor, long remainingSeconds, long periodSeconds) {
    public long netMinor() {
      return chargeMinor - creditMinor;
    }
  }

  private Proration() {}

  public static Result of(
      long oldRecurringMinor,
      long newRecurringMinor,
      Instant periodStart,
      Instant periodEnd,
      Instant changeAt) {
    long period = Duration.between(periodStart, periodEnd).toSeconds();
    if (period <= 0) {
      throw new IllegalArgumentException("The period is empty");
    }
    if (changeAt.isBefore(periodStart) || changeAt.isAfter(periodEnd)) {
      throw new IllegalArgumentException("The change is outside the current period");
    }
    long remaining = Duration.between(changeAt, periodEnd).toSeconds();
    return new Result(
        share(oldRecurringMinor, remaining, period),
        share(newRecurringMinor, remaining, period),
        remaining,
        period);
  }

  /** round-half-up(amount x part / whole) for non-negative values. */
  public static long share(long amount, long part, long whole) {
    if (amount < 0 || part < 0 || whole <= 0) {
      throw new IllegalArgumentException("negative amount or period");
    }
    return java.math.BigInteger.valueOf(amount)
        .multiply(java.math.BigInteger.valueOf(part))
        .multiply(java.math.BigInteger.TWO)
        .add(java.math.BigInteger.valueOf(whole))
        .divide(java.math.BigInteger.valueOf(whole).multiply(java.math.BigInteger.TWO))
        .longValueExact();
  }
}
