package in.picode.kretanote.tenant.control;

import java.time.Duration;

/** How a mail says how long a link works ("48 hours", "7 days"). */
public final class Durations {

  private Durations() {}

  /** The largest whole unit that expresses {@code d} exactly, else the largest that fits. */
  public static String human(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("A link validity must be positive: " + d);
    }
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0) {
      return plural(seconds / 86_400, "day");
    }
    if (seconds % 3_600 == 0 || seconds > 86_400) {
      return plural(seconds / 3_600, "hour");
    }
    if (seconds % 60 == 0 || seconds > 3_600) {
      return plural(seconds / 60, "minute");
    }
    return plural(Math.max(seconds, 1), "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
