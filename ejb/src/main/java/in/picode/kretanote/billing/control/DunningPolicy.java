package in.picode.kretanote.billing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When to retry a failed payment and when to stop sending. Retries are offsets from the first
 * failure ({@code kretanote.billing.dunning.retries}, default P1D,P3D,P5D); suspension comes at the
 * end of the grace period ({@code kretanote.billing.grace-period}, default P7D) if still unpaid.
 */
public final class DunningPolicy {

  private final List<Duration> retries;
  private final Duration grace;

  public DunningPolicy(List<Duration> retries, Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("The grace period cannot be negative");
    }
    this.retries = List.copyOf(retries);
    for (Duration d : this.retries) {
      if (d.isNegative() || d.compareTo(grace) > 0) {
        throw new IllegalArgumentException(
            "Each dunning retry must fall within the grace period (" + grace + "): " + d);
      }
    }
    this.grace = grace;
  }

  public static DunningPolicy parse(String retries, String grace) {
    List<Duration> list = new ArrayList<>();
    if (retries != null && !retries.isBlank()) {
      for (String r : retries.split(",")) {
        list.add(Duration.parse(r.strip()));
      }
    }
    list.sort(null);
    return new DunningPolicy(list, Duration.parse(grace.strip()));
  }

  /** The retry after {@code failedAttempts} failures (the first failure is attempt 1). */
  public Optional<Instant> nextRetry(Instant pastDueSince, int failedAttempts) {
    int index = failedAttempts - 1;
    if (index < 0 || index >= retries.size()) {
      return Optional.empty();
    }
    return Optional.of(pastDueSince.plus(retries.get(index)));
  }

  public Instant suspendAt(Instant pastDueSince) {
    return pastDueSince.plus(grace);
  }

  public Duration grace() {
    return grace;
  }
}
