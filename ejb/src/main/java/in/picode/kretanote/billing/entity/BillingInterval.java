package in.picode.kretanote.billing.entity;

import java.time.Instant;
import java.time.ZoneOffset;

/** How often a subscription renews. Periods are calendar months or years in UTC. */
public enum BillingInterval {
  MONTH,
  YEAR;

  public Instant after(Instant start) {
    var utc = start.atOffset(ZoneOffset.UTC);
    return (this == YEAR ? utc.plusYears(1) : utc.plusMonths(1)).toInstant();
  }
}
