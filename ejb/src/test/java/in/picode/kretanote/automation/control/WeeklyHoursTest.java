package in.picode.kretanote.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

  static Map<DayOfWeek, String> days(String monday, String saturday) {
    Map<DayOfWeek, String> d = new EnumMap<>(DayOfWeek.class);
    d.put(DayOfWeek.MONDAY, monday);
    d.put(DayOfWeek.SATURDAY, saturday);
    return d;
  }

  @Test
  void opensAndClosesInTheBusinesssTimeZone() {
    WeeklyHours h =
        WeeklyHours.parse("Europe/Berlin", days("09:00-12:00, 13:00-17:30", ""), "2026-12-28")
            .hours();
    // Monday 2026-12-07 08:30 UTC is 09:30 in Berlin.
    assertThat(h.isOpen(Instant.parse("2026-12-07T08:30:00Z"))).isTrue();
    assertThat(h.isOpen(Instant.parse("2026-12-07T11:30:00Z"))).as("lunch").isFalse();
    assertThat(h.isOpen(Instant.parse("2026-12-07T16:29:00Z"))).isTrue();
    assertThat(h.isOpen(Instant.parse("2026-12-07T16:30:00Z"))).as("17:30 closes").isFalse();
    assertThat(h.isOpen(Instant.parse("2026-12-12T10:00:00Z"))).as("Saturday").isFalse();
    assertThat(h.isOpen(Instant.parse("2026-12-28T09:00:00Z"))).as("holiday Monday").isFalse();
  }

  @Test
  void reportsEveryMistakeAtOnce() {
    WeeklyHours.Parsed p =
        WeeklyHours.parse("Nowhere/City", days("09:00-12:00,11:30-13:00", "18:00-08:00"), "x");
    assertThat(p.ok()).isFalse();
    assertThat(p.problems())
        .containsExactly(
            "Unknown time zone 'Nowhere/City'.",
            "Monday: 09:00-12:00 and 11:30-13:00 overlap.",
            "Saturday: 18:00-08:00 ends before it starts.",
            "Holiday 'x' is not a date (YYYY-MM-DD).");
    assertThat(WeeklyHours.parse("UTC", days("25:00-26:00", "9-10"), "").problems())
        .containsExactly(
            "Monday: '25:00-26:00' is not a time of day (00:00–24:00).",
            "Saturday: '9-10' is not an interval like 09:00-17:00.");
  }

  @Test
  void theStoredTextReadsBackTheSameWeek() {
    WeeklyHours h =
        WeeklyHours.parse("UTC", days("13:00-17:00,08:00-12:00", "00:00-24:00"), "2027-01-01")
            .hours();
    assertThat(h.weekText()).isEqualTo("MON 08:00-12:00,13:00-17:00;SAT 00:00-24:00");
    WeeklyHours again = WeeklyHours.stored("UTC", h.weekText(), h.holidayText());
    assertThat(again.dayText(DayOfWeek.MONDAY)).isEqualTo("08:00-12:00, 13:00-17:00");
    assertThat(again.holidayText()).isEqualTo("2027-01-01");
  }

  @Test
  void countsOnlyOpenTimeTowardsATarget() {
    WeeklyHours h =
        WeeklyHours.parse("Europe/Berlin", days("09:00-12:00, 13:00-17:30", ""), "2026-12-28")
            .hours();
    java.time.Duration hour = java.time.Duration.ofHours(1);
    // Monday 2026-12-07 11:30 Berlin (10:30 UTC): 30 min to 12:00, lunch, then 13:00 + 30 min.
    assertThat(h.afterOpenTime(Instant.parse("2026-12-07T10:30:00Z"), hour))
        .isEqualTo(Instant.parse("2026-12-07T12:30:00Z"));
    // Monday 17:00 Berlin: 30 min that day, then closed until next Monday 09:00, plus 30 min.
    assertThat(h.afterOpenTime(Instant.parse("2026-12-07T16:00:00Z"), hour))
        .isEqualTo(Instant.parse("2026-12-14T08:30:00Z"));
    // Sunday night: the first open minute is Monday 09:00; the holiday Monday 28th is skipped.
    assertThat(h.afterOpenTime(Instant.parse("2026-12-27T22:00:00Z"), hour))
        .isEqualTo(Instant.parse("2027-01-04T09:00:00Z"));
    WeeklyHours never = WeeklyHours.parse("UTC", days("", ""), "").hours();
    assertThat(never.afterOpenTime(Instant.parse("2026-12-07T09:30:00Z"), hour))
        .as("no open hours at all: every hour counts")
        .isEqualTo(Instant.parse("2026-12-07T10:30:00Z"));
  }
}
