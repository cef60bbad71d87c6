package in.picode.kretanote.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void theBrowsersFirstOfferedLanguageWins() {
    assertThat(
            Languages.best(List.of(Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("ar-EG"))))
        .isEqualTo("ar");
    assertThat(Languages.best(List.of(Locale.forLanguageTag("pt-PT")))).isEqualTo("pt-BR");
    assertThat(Languages.best(List.of(Locale.forLanguageTag("id-ID")))).isEqualTo("id");
    assertThat(Languages.best(List.of(Locale.forLanguageTag("hi-IN"), Locale.ENGLISH)))
        .isEqualTo("hi");
    assertThat(Languages.best(List.of(Locale.forLanguageTag("es-MX")))).isEqualTo("es");
  }

  @Test
  void englishWhenNothingMatches() {
    assertThat(Languages.best(List.of(Locale.FRENCH, Locale.GERMAN))).isEqualTo("en");
    assertThat(Languages.best(List.of())).isEqualTo("en");
    assertThat(Languages.locale("fr")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.offered("klingon")).isEmpty();
    assertThat(Languages.offered("")).isEmpty();
  }

  @Test
  void tagsAreForgivingAndArabicIsRightToLeft() {
    assertThat(Languages.offered("pt_BR")).contains("pt-BR");
    assertThat(Languages.offered("AR")).contains("ar");
    assertThat(Languages.rightToLeft(Languages.locale("ar"))).isTrue();
    assertThat(Languages.rightToLeft(Languages.locale("hi"))).isFalse();
    assertThat(Languages.tags()).containsExactly("en", "hi", "es", "pt-BR", "id", "ar");
  }
}
