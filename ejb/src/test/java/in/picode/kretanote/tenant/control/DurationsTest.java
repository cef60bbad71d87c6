package in.picode.kretanote.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void saysTheValidityInTheLargestExactUnit() {
    assertThat(Durations.human(Duration.ofHours(48))).isEqualTo("2 days");
    assertThat(Durations.human(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(Durations.human(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(Durations.human(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(Durations.human(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(Durations.human(Duration.ofSeconds(8))).isEqualTo("8 seconds");
  }

  @Test
  void roundsDownWhenNoUnitIsExact() {
    assertThat(Durations.human(Duration.ofHours(25).plusMinutes(30))).isEqualTo("25 hours");
    assertThat(Durations.human(Duration.ofMinutes(61).plusSeconds(5))).isEqualTo("61 minutes");
  }

  @Test
  void refusesNothingAndNegative() {
    assertThatThrownBy(() -> Durations.human(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.human(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inTheRecipientsLanguage() {
    assertThat(Durations.human(Duration.ofDays(7), java.util.Locale.forLanguageTag("es")))
        .isEqualTo("7 días");
    assertThat(Durations.human(Duration.ofDays(1), java.util.Locale.forLanguageTag("pt-BR")))
        .isEqualTo("1 dia");
    assertThat(Durations.human(Duration.ofHours(48), java.util.Locale.forLanguageTag("hi")))
        .isEqualTo("2 दिन");
    assertThat(Durations.human(Duration.ofDays(2), java.util.Locale.forLanguageTag("ar")))
        .isEqualTo("يومين");
    assertThat(Durations.human(Duration.ofMinutes(30), java.util.Locale.forLanguageTag("id")))
        .isEqualTo("30 menit");
  }
}
