package in.picode.kretanote.tenant.control;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;

/** How a mail says how long a link works ("48 hours", "7 days"). */
public final class Durations {

  private Durations() {}

  /** The largest whole unit that expresses {@code d} exactly, else the largest that fits. */
  public static String human(Duration d) {
    return human(d, Locale.ENGLISH);
  }

  /** As {@link #human(Duration)}, in the language of {@code locale} ("48 घंटे", "7 أيام"). */
  public static String human(Duration d, Locale locale) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("A link validity must be positive: " + d);
    }
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0) {
      return plural(seconds / 86_400, "days", locale);
    }
    if (seconds % 3_600 == 0 || seconds > 86_400) {
      return plural(seconds / 3_600, "hours", locale);
    }
    if (seconds % 60 == 0 || seconds > 3_600) {
      return plural(seconds / 60, "minutes", locale);
    }
    return plural(Math.max(seconds, 1), "seconds", locale);
  }

  private static String plural(long n, String unit, Locale locale) {
    String pattern = AccountMails.bundle(locale).getString("duration." + unit);
    return new MessageFormat(pattern, locale).format(new Object[] {n});
  }
}
