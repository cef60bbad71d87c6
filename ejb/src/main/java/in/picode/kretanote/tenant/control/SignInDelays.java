package in.picode.kretanote.tenant.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long one client waits before its next try at one account. The first {@code freeFailures}
 * failures cost nothing; each further failure doubles the wait, starting at {@code firstDelay}, up
 * to {@code maxDelay}. The count starts again once {@code forgetAfter} has passed without a
 * failure. The wait is per (client address, account), so it slows a guesser down without locking
 * out the owner signing in from elsewhere, nor anybody else behind the guesser's address.
 */
public record SignInDelays(
    int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

  public SignInDelays {
    if (freeFailures < 0) {
      throw new IllegalArgumentException("freeFailures must not be negative");
    }
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
  }

  /** The failures that still count at {@code now}, given the last failure. */
  public int stillCounted(int failures, Instant lastFailure, Instant now) {
    return lastFailure == null || lastFailure.isBefore(now.minus(forgetAfter)) ? 0 : failures;
  }

  /** The wait after the {@code failures}-th failure in a row. */
  public Duration after(int failures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures, 40);
    Duration d = firstDelay;
    for (int i = 0; i < doublings && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
