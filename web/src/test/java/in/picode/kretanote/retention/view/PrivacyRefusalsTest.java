package in.picode.kretanote.retention.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.retention.boundary.PrivacyRefusedException;
import in.picode.kretanote.retention.boundary.RetentionPolicy;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A retention period out of range is refused in the reader's language, the range in it. */
class PrivacyRefusalsTest {

  @Test
  void aPeriodOutOfRangeIsRefusedInTheReadersLanguage() {
    Wording refusal = new RetentionPolicy(180, 30, 730, 30).refusal(29);
    PrivacyRefusedException e = new PrivacyRefusedException(refusal);
    assertThat(e.getMessage())
        .isEqualTo(
            "The retention period must be between 30 and 730 days; 29 is outside that range.");
    assertThat(Wordings.of(e.wordings().get(0), Locale.forLanguageTag("es")))
        .isEqualTo(
            "El periodo de conservación debe estar entre 30 y 730 días; 29 queda fuera de ese"
                + " rango.");
    assertThat(
            Wordings.of(
                new RetentionPolicy(180, 30, 730, 30).refusal(null), Locale.forLanguageTag("ar")))
        .isEqualTo("أدخل مدة الاحتفاظ بالأيام.");
  }
}
