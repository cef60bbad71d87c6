package in.picode.kretanote.sla.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sla.boundary.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The inbox row's service-level words, in the page's language. */
class SlaViewBeanTest {

  static final Instant DUE = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void timeLeftRoundsUpAndTimePastRoundsDown() {
    assertThat(words("response", false, Duration.ofSeconds(29 * 60 + 1), Locale.ENGLISH))
        .isEqualTo("SLA response: 30 min left");
    assertThat(words("resolution", false, Duration.ofMinutes(185), Locale.ENGLISH))
        .isEqualTo("SLA resolution: 3 h 5 min left");
    assertThat(words("response", true, Duration.ofSeconds(-(4 * 60 + 59)), Locale.ENGLISH))
        .isEqualTo("SLA response: breached 4 min ago");
  }

  @Test
  void otherLanguagesSayItInTheirWords() {
    assertThat(words("response", false, Duration.ofMinutes(30), Locale.forLanguageTag("es")))
        .isEqualTo("SLA respuesta: quedan 30 min");
    assertThat(words("resolution", true, Duration.ofMinutes(-65), Locale.forLanguageTag("pt-BR")))
        .isEqualTo("SLA resolução: vencido há 1 h 5 min");
    assertThat(words("response", false, Duration.ofMinutes(12), Locale.forLanguageTag("ar")))
        .isEqualTo("SLA الرد: متبقٍّ ١٢ د"); // Arabic digits, as MessageFormat writes them for ar
  }

  private static String words(String what, boolean breached, Duration left, Locale locale) {
    return SlaViewBean.words(new SlaStatus(DUE, what, breached, left), locale);
  }
}
