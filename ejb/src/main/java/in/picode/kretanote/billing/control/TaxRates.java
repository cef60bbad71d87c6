package in.picode.kretanote.billing.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * VAT / sales tax rates by the buyer's country, from configuration ({@code
 * kretanote.billing.tax-rates}, e.g. {@code DE=19,AT=20,IN=18,NL=21}; decimals allowed, {@code
 * FR=5.5}). A country not listed is taxed at {@code kretanote.billing.tax-rate.default}. Rates are
 * kept as basis points (19 % = 1900).
 */
public final class TaxRates {

  private final Map<String, Integer> byCountry;
  private final int fallback;

  public TaxRates(Map<String, Integer> byCountry, int fallback) {
    this.byCountry = Collections.unmodifiableMap(new LinkedHashMap<>(byCountry));
    this.fallback = fallback;
  }

  public static TaxRates parse(String spec, String fallback) {
    Map<String, Integer> rates = new LinkedHashMap<>();
    if (spec != null && !spec.isBlank()) {
      for (String entry : spec.split(",")) {
        String[] kv = entry.strip().split("=", 2);
        if (kv.length != 2 || !kv[0].strip().matches("[A-Z]{2}")) {
          throw new IllegalArgumentException(
              "kretanote.billing.tax-rates: '" + entry.strip() + "' is not COUNTRY=PERCENT");
        }
        rates.put(kv[0].strip(), basisPoints(kv[1].strip()));
      }
    }
    return new TaxRates(rates, basisPoints(fallback == null ? "0" : fallback.strip()));
  }

  static int basisPoints(String percent) {
    try {
      var bp = new java.math.BigDecimal(percent).movePointRight(2);
      if (bp.signum() < 0 || bp.compareTo(java.math.BigDecimal.valueOf(10_000)) > 0) {
        throw new IllegalArgumentException("A tax rate is between 0 and 100 percent: " + percent);
      }
      return bp.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("Not a tax rate in percent: " + percent);
    }
  }

  public int basisPointsFor(String country) {
    if (country == null) {
      return fallback;
    }
    return byCountry.getOrDefault(country, fallback);
  }
}
