package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.Proration;
import java.math.BigDecimal;
import java.util.Currency;

/** Formatting of integer minor units; amounts are never held as floating point. */
public final class Money {

  private Money() {}

  /** "EUR 29.00", "JPY 500", "-EUR 9.67" for negatives. */
  public static String format(long minor, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    BigDecimal value = BigDecimal.valueOf(Math.abs(minor), digits);
    return (minor < 0 ? "-" : "") + currency + " " + value.toPlainString();
  }

  /** Tax of a net amount at {@code basisPoints} (1900 = 19 %), rounded half-up. */
  public static long tax(long netMinor, int basisPoints) {
    if (netMinor < 0) {
      return -tax(-netMinor, basisPoints);
    }
    return Proration.share(netMinor, basisPoints, 10_000);
  }

  public static String percent(int basisPoints) {
    return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
  }
}
