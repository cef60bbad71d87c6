package in.picode.kretanote.api.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed webhook is tried again: {@code base·2^(attempt-1)}, capped at {@code max}, ±20 %
 * jitter so that receivers that come back are not hit by every sender at once.
 */
public final class Backoff {

  private Backoff() {}

  /** {@code random} in [0, 1). */
  public static Instant next(int attempt, Instant now, Duration base, Duration max, double random) {
    long baseMs = Math.max(1, base.toMillis());
    long exp = attempt <= 1 ? 1 : 1L << Math.min(attempt - 1, 30);
    long delay = Math.min(max.toMillis(), baseMs * exp);
    long jittered = Math.round(delay * (0.8 + 0.4 * random));
    return now.plusMillis(Math.max(1, jittered));
  }
}
