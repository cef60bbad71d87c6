package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

  static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
  static final ZoneId UTC = ZoneId.of("UTC");
  static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z"); // 13:30 in India

  @Test
  void withinTheDayTimesAreRelativeThenTheClock() {
    assertThat(Times.relative(NOW.minusSeconds(20), NOW, INDIA)).isEqualTo("just now");
    assertThat(Times.relative(NOW.minusSeconds(3 * 60 + 5), NOW, INDIA)).isEqualTo("3 min ago");
    assertThat(Times.relative(Instant.parse("2026-12-06T02:35:00Z"), NOW, INDIA))
        .isEqualTo("08:05");
  }

  @Test
  void theDayIsTheReadersDay() {
    Instant lateEvening = Instant.parse("2026-12-05T20:00:00Z");
    assertThat(Times.relative(lateEvening, NOW, INDIA))
        .as("01:30 on the 6th in India")
        .isEqualTo("01:30");
    assertThat(Times.relative(lateEvening, NOW, UTC)).isEqualTo("Yesterday");
    assertThat(Times.relative(Instant.parse("2026-01-15T20:00:00Z"), NOW, INDIA))
        .isEqualTo("16 Jan");
    assertThat(Times.relative(Instant.parse("2025-03-01T10:00:00Z"), NOW, INDIA))
        .isEqualTo("1 Mar 2025");
  }

  @Test
  void theFullTimeNamesTheZone() {
    assertThat(Times.full(Instant.parse("2026-01-15T20:00:00Z"), INDIA))
        .isEqualTo("Fri 16 Jan 2026, 01:30:00 IST (Asia/Kolkata)");
    assertThat(Times.full(Instant.parse("2026-01-15T20:00:00Z"), UTC))
        .isEqualTo("Thu 15 Jan 2026, 20:00:00 UTC");
    assertThat(Times.stamp(Instant.parse("2026-01-15T20:00:00Z"), UTC))
        .isEqualTo("2026-01-15 20:00:00 UTC");
    assertThat(Times.relative(null, NOW, UTC)).isEmpty();
  }

  @Test
  void initialsAndColoursOfAvatars() {
    Avatars a = new Avatars();
    assertThat(a.initials("Ana Lima")).isEqualTo("AL");
    assertThat(a.initials("marta")).isEqualTo("M");
    assertThat(a.initials("+49 170 123")).isEqualTo("#");
    assertThat(a.initials(null)).isEqualTo("#");
    assertThat(a.hue("Ana Lima")).isEqualTo(a.hue("Ana Lima")).startsWith("av-");
  }
}
