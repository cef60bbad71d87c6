package in.picode.kretanote.platform.view;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How a point in time reads on a page, in the reader's zone: relative within the day ("just now",
 * "3 min ago", "14:05"), "Yesterday", a date without the year in the current year, a full date
 * otherwise; {@link #full} is the exact moment with its zone, for the hover title. Plain functions
 * of the instant, now and the zone, so they are tested without a container.
 */
public final class Times {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final String DAY_MONTH = "d MMM";
  private static final String DATE = "d MMM yyyy";
  private static final String FULL = "EEE d MMM yyyy, HH:mm:ss";

  /** The zone's short name at that moment: IST, CET or CEST, BRT, UTC. */
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

  /** The shell's bundle, which holds the words of relative times. */
  static final String BUNDLE = "in.picode.kretanote.platform.view.AppTexts";

  private Times() {}

  public static String relative(Instant at, Instant now, ZoneId zone) {
    return relative(at, now, zone, Locale.ENGLISH);
  }

  /**
   * {@link #relative(Instant, Instant, ZoneId)} in the reader's language: the words from the
   * shell's bundle, month names from the locale; digits stay Western (as WhatsApp shows them).
   */
  public static String relative(Instant at, Instant now, ZoneId zone, Locale locale) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    Duration ago = Duration.between(at, now);
    if (local.toLocalDate().equals(today)) {
      if (!ago.isNegative() && ago.toSeconds() < 60) {
        return words(locale, "time.justNow");
      }
      if (!ago.isNegative() && ago.toMinutes() < 60) {
        return MessageFormat.format(words(locale, "time.minutesAgo"), ago.toMinutes());
      }
      return CLOCK.format(local);
    }
    if (local.toLocalDate().equals(today.minusDays(1))) {
      return words(locale, "time.yesterday");
    }
    if (local.getYear() == today.getYear()) {
      return format(DAY_MONTH, locale).format(local);
    }
    return format(DATE, locale).format(local);
  }

  /** "Today", "Yesterday" or the date of {@code day} seen from {@code today}, in {@code locale}. */
  public static String day(LocalDate day, LocalDate today, Locale locale) {
    if (day.equals(today)) {
      return words(locale, "time.today");
    }
    return day.equals(today.minusDays(1))
        ? words(locale, "time.yesterday")
        : format(DATE, locale).format(day);
  }

  static String words(Locale locale, String key) {
    return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
  }

  private static DateTimeFormatter format(String pattern, Locale locale) {
    return DateTimeFormatter.ofPattern(pattern, locale);
  }

  /** The exact moment: "Sun 6 Dec 2026, 14:05:09 IST (Asia/Kolkata)". */
  public static String full(Instant at, ZoneId zone) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    return full(at, zone, Locale.ENGLISH);
  }

  /** {@link #full(Instant, ZoneId)} with day and month names in {@code locale}. */
  public static String full(Instant at, ZoneId zone, Locale locale) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    return format(FULL, locale).format(local) + " " + zoneWords(local);
  }

  /** A compact exact stamp for tables: "2026-12-06 14:05:09 IST". */
  public static String stamp(Instant at, ZoneId zone) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    return STAMP.format(local) + " " + ZONE.format(local);
  }

  public static String date(Instant at, ZoneId zone) {
    return date(at, zone, Locale.ENGLISH);
  }

  public static String date(Instant at, ZoneId zone, Locale locale) {
    return at == null ? "" : format(DATE, locale).format(at.atZone(zone));
  }

  public static String date(LocalDate day) {
    return date(day, Locale.ENGLISH);
  }

  public static String date(LocalDate day, Locale locale) {
    return day == null ? "" : format(DATE, locale).format(day);
  }

  public static String clock(Instant at, ZoneId zone) {
    return at == null ? "" : CLOCK.format(at.atZone(zone));
  }

  private static String zoneWords(ZonedDateTime local) {
    String shortName = ZONE.format(local);
    String id = local.getZone().getId();
    return shortName.equals(id) ? id : shortName + " (" + id + ")";
  }
}
