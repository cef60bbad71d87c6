package in.picode.kretanote.sla.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.csat.entity.CsatSetting;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.sla.entity.SlaPolicy;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The service-quality settings (SLA targets, satisfaction surveys) refuse every problem at once,
 * each in the reader's language.
 */
class SlaRefusalsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  @Test
  void targetsOutOfRangeAreRefusedInTheReadersLanguage() {
    assertThat(SlaPolicy.problems(0, null, 50_000).stream().map(w -> Wordings.of(w, ES)))
        .containsExactly(
            "La primera respuesta debe ser de 1 a 43200 minutos.",
            "La resolución debe ser de 1 a 43200 minutos.");
    assertThat(SlaPolicy.problems(30, 60, 480)).isEmpty();
  }

  @Test
  void surveySettingsAreRefusedInTheReadersLanguage() {
    assertThat(CsatSetting.problems(" ", "csat_ask", "", -1).stream().map(w -> Wordings.of(w, ES)))
        .containsExactly(
            "La pregunta necesita de 1 a 1024 caracteres.",
            "Los minutos para comentar deben estar entre 0 y 1440.",
            "Elige el idioma de la plantilla.");
    assertThat(Wordings.of(CsatSetting.problems("How did we do?", "csat_ask", null, 30).get(0), AR))
        .isEqualTo("اختر لغة القالب.");
    assertThat(CsatSetting.problems("How did we do?", null, null, 30)).isEmpty();
  }
}
