package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business's weekly opening hours in its time zone, with closed dates (holidays). Days may have
 * several intervals ("09:00-12:00, 13:00-17:00"); an interval ends at most at 24:00 and after it
 * starts; intervals of a day must not overlap. {@link #parse} reports every mistake at once, so a
 * form shows all of them and nothing is saved until all are fixed. The canonical text ({@link
 * #weekText}, {@link #holidayText}) is what the database keeps.
 */
public final class WeeklyHours {

  private static final Pattern INTERVAL =
      Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\s*");
  private static final int MAX_INTERVALS = 8;
  private static final int MAX_HOLIDAYS = 200;

  /** Minutes of the day, {@code start < end <= 1440}. */
  public record Interval(int start, int end) {
    @Override
    public String toString() {
      return hhmm(start) + "-" + hhmm(end);
    }
  }

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Interval>> week;
  private final TreeSet<LocalDate> holidays;

  private WeeklyHours(
      ZoneId zone, Map<DayOfWeek, List<Interval>> week, TreeSet<LocalDate> holidays) {
    this.zone = zone;
    this.week = week;
    this.holidays = holidays;
  }

  /** The outcome of {@link #parse}: the hours, or every problem found. */
  public record Parsed(WeeklyHours hours, List<Wording> wordings) {
    public boolean ok() {
      return wordings.isEmpty();
    }

    /** The problems in English. */
    public List<String> problems() {
      return Wording.english(wordings);
    }
  }

  /**
   * Reads a form: {@code days} maps each day to its intervals as typed (blank: closed), {@code
   * holidays} is dates (YYYY-MM-DD) separated by commas, spaces or lines.
   */
  public static Parsed parse(String zoneId, Map<DayOfWeek, String> days, String holidays) {
    List<Wording> problems = new ArrayList<>();
    ZoneId zone = null;
    try {
      zone = ZoneId.of(zoneId == null ? "" : zoneId.strip());
    } catch (DateTimeException e) {
      problems.add(AutomationWords.HOURS_ZONE.with(zoneId == null ? "" : zoneId.strip()));
    }
    Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      String typed = days == null ? null : days.get(d);
      week.put(d, day(d, typed, problems));
    }
    TreeSet<LocalDate> dates = new TreeSet<>();
    if (holidays != null && !holidays.isBlank()) {
      for (String part : holidays.strip().split("[,\u060C;\\s]+")) {
        try {
          dates.add(LocalDate.parse(part));
        } catch (DateTimeParseException e) {
          problems.add(AutomationWords.HOURS_HOLIDAY.with(clip(part)));
        }
      }
      if (dates.size() > MAX_HOLIDAYS) {
        problems.add(AutomationWords.HOURS_HOLIDAYS_MAX.with(MAX_HOLIDAYS));
      }
    }
    return new Parsed(
        problems.isEmpty() ? new WeeklyHours(zone, week, dates) : null, List.copyOf(problems));
  }

  /** Reads what {@link #weekText} and {@link #holidayText} wrote. */
  public static WeeklyHours stored(String zoneId, String weekText, String holidayText) {
    Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
    for (String part : weekText.split(";")) {
      if (part.length() > 4) {
        days.put(dayOf(part.substring(0, 3)), part.substring(4));
      }
    }
    Parsed p = parse(zoneId, days, holidayText);
    if (!p.ok()) {
      throw new IllegalStateException("Stored business hours are invalid: " + p.problems());
    }
    return p.hours();
  }

  private static List<Interval> day(DayOfWeek d, String typed, List<Wording> problems) {
    List<Interval> intervals = new ArrayList<>();
    if (typed == null || typed.isBlank()) {
      return intervals;
    }
    String[] parts = typed.split("[,\u060C]");
    if (parts.length > MAX_INTERVALS) {
      problems.add(AutomationWords.HOURS_INTERVALS_MAX.with(d, MAX_INTERVALS));
      return intervals;
    }
    for (String part : parts) {
      Matcher m = INTERVAL.matcher(part);
      if (!m.matches()) {
        problems.add(AutomationWords.HOURS_NOT_INTERVAL.with(d, clip(part.strip())));
        continue;
      }
      Integer start = minutes(m.group(1), m.group(2));
      Integer end = minutes(m.group(3), m.group(4));
      if (start == null || end == null || start == 1440) {
        problems.add(AutomationWords.HOURS_NOT_TIME.with(d, clip(part.strip())));
        continue;
      }
      if (end <= start) {
        problems.add(AutomationWords.HOURS_ENDS_BEFORE.with(d, part.strip()));
        continue;
      }
      intervals.add(new Interval(start, end));
    }
    intervals.sort((a, b) -> Integer.compare(a.start(), b.start()));
    for (int i = 1; i < intervals.size(); i++) {
      if (intervals.get(i).start() < intervals.get(i - 1).end()) {
        problems.add(
            AutomationWords.HOURS_OVERLAP.with(
                d, intervals.get(i - 1).toString(), intervals.get(i).toString()));
      }
    }
    return intervals;
  }

  private static Integer minutes(String h, String m) {
    int hours = Integer.parseInt(h);
    int mins = Integer.parseInt(m);
    if (hours > 24 || mins > 59 || (hours == 24 && mins != 0)) {
      return null;
    }
    return hours * 60 + mins;
  }

  /**
   * Whether the business is open at {@code at}: not a holiday, inside one of the day's intervals.
   */
  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    int minute = local.getHour() * 60 + local.getMinute();
    return week.get(local.getDayOfWeek()).stream()
        .anyMatch(i -> i.start() <= minute && minute < i.end());
  }

  /**
   * The instant when {@code working} of open time has passed after {@code start} (service-level
   * targets "in business hours"): closed hours, closed days and holidays do not count. A week with
   * no open hours at all counts every hour.
   */
  public Instant afterOpenTime(Instant start, java.time.Duration working) {
    long left = working.toSeconds();
    if (left <= 0 || week.values().stream().allMatch(List::isEmpty)) {
      return start.plus(working);
    }
    LocalDate day = start.atZone(zone).toLocalDate();
    // Two years of days is far beyond any target; holidays cannot close more than that.
    for (int i = 0; i < 731; i++, day = day.plusDays(1)) {
      if (holidays.contains(day)) {
        continue;
      }
      for (Interval open : week.get(day.getDayOfWeek())) {
        Instant to = at(day, open.end());
        if (!to.isAfter(start)) {
          continue;
        }
        Instant from = at(day, open.start());
        Instant counted = from.isBefore(start) ? start : from;
        long available = java.time.Duration.between(counted, to).toSeconds();
        if (available >= left) {
          return counted.plusSeconds(left);
        }
        left -= available;
      }
    }
    return start.plus(working);
  }

  private Instant at(LocalDate day, int minute) {
    return minute >= 1440
        ? day.plusDays(1).atStartOfDay(zone).toInstant()
        : day.atTime(minute / 60, minute % 60).atZone(zone).toInstant();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The intervals of one day as a form shows them ("09:00-12:00, 13:00-17:00"). */
  public String dayText(DayOfWeek d) {
    return String.join(", ", week.get(d).stream().map(Interval::toString).toList());
  }

  /** "MON 09:00-12:00,13:00-17:00;TUE ..." (closed days left out). */
  public String weekText() {
    List<String> parts = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (!week.get(d).isEmpty()) {
        parts.add(
            d.name().substring(0, 3)
                + " "
                + String.join(",", week.get(d).stream().map(Interval::toString).toList()));
      }
    }
    return String.join(";", parts);
  }

  public String holidayText() {
    return String.join(",", holidays.stream().map(LocalDate::toString).toList());
  }

  private static DayOfWeek dayOf(String abbreviation) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(abbreviation)) {
        return d;
      }
    }
    throw new IllegalStateException("Not a day: " + abbreviation);
  }

  private static String hhmm(int minutes) {
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
