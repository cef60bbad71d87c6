package in.picode.kretanote.platform.view;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a point in time reads on a page, in the reader's zone: relative within the day ("just now",
 * "3 min ago", "14:05"), "Yesterday", a date without the year in the current year, a full date
 * otherwise; {@link #full} is the exact moment with its zone, for the hover title. Plain functions
 * of the instant, now and the zone, so they are tested without a container.
 */
public final class Times {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

  /** The zone's short name at that moment: IST, CET or CEST, BRT, UTC. */
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

  private Times() {}

  public static String relative(Instant at, Instant now, ZoneId zone) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    Duration ago = Duration.between(at, now);
    if (local.toLocalDate().equals(today)) {
      if (!ago.isNegative() && ago.toSeconds() < 60) {
        return "just now";
      }
      if (!ago.isNegative() && ago.toMinutes() < 60) {
        return ago.toMinutes() + " min ago";
      }
      return CLOCK.format(local);
    }
    if (local.toLocalDate().equals(today.minusDays(1))) {
      return "Yesterday";
    }
    if (local.getYear() == today.getYear()) {
      return DAY_MONTH.format(local);
    }
    return DATE.format(local);
  }

  /** The exact moment: "Sun 6 Dec 2026, 14:05:09 IST (Asia/Kolkata)". */
  public static String full(Instant at, ZoneId zone) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    return FULL.format(local) + " " + zoneWords(local);
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
    return at == null ? "" : DATE.format(at.atZone(zone));
  }

  public static String date(LocalDate day) {
    return day == null ? "" : DATE.format(day);
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
