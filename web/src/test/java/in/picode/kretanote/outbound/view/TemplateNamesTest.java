package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.contact.entity.Category;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TemplateNamesTest {

  static final List<String> LANGUAGES = List.of("en", "es", "pt-BR", "id", "hi", "ar");

  /** Meta's template statuses (Graph API, message_template_status_update). */
  static final List<String> STATUSES =
      List.of(
          "APPROVED",
          "PENDING",
          "IN_APPEAL",
          "REJECTED",
          "PAUSED",
          "DISABLED",
          "DELETED",
          "PENDING_DELETION",
          "LIMIT_EXCEEDED",
          "ARCHIVED");

  static final List<String> QUALITIES = List.of("GREEN", "YELLOW", "RED", "UNKNOWN");

  static ResourceBundle texts(String language) {
    return TemplateNames.bundle(Locale.forLanguageTag(language));
  }

  @Test
  void metasNamesAreReadInTheReadersLanguage() {
    assertThat(TemplateNames.status(texts("en"), "PENDING")).isEqualTo("In review");
    assertThat(TemplateNames.status(texts("es"), "APPROVED")).isEqualTo("Aprobada");
    assertThat(TemplateNames.status(texts("ar"), "REJECTED")).isEqualTo("مرفوض");
    assertThat(TemplateNames.category(texts("hi"), Category.UTILITY)).isEqualTo("उपयोगिता");
    assertThat(TemplateNames.category(texts("id"), "marketing")).isEqualTo("Pemasaran");
    assertThat(TemplateNames.quality(texts("pt-BR"), "RED")).isEqualTo("Baixa");
    assertThat(TemplateNames.quality(texts("en"), "GREEN")).isEqualTo("High");
  }

  @Test
  void everyNameMetaUsesHasItsOwnWordInEveryLanguage() {
    for (String language : LANGUAGES) {
      ResourceBundle texts = texts(language);
      for (String status : STATUSES) {
        assertThat(TemplateNames.status(texts, status))
            .as(language + " " + status)
            .isNotEqualTo(status);
      }
      for (Category category : Category.values()) {
        assertThat(TemplateNames.category(texts, category))
            .as(language + " " + category)
            .isNotBlank()
            .doesNotContain("_");
      }
      for (String quality : QUALITIES) {
        assertThat(TemplateNames.quality(texts, quality))
            .as(language + " " + quality)
            .isNotEqualTo(quality);
      }
      if (!language.equals("en")) {
        assertThat(TemplateNames.status(texts, "APPROVED"))
            .as(language + " is not an English copy")
            .isNotEqualTo(TemplateNames.status(texts("en"), "APPROVED"));
      }
    }
  }

  @Test
  void aNameMetaAddsLaterShowsAsMetaWroteItAndNothingShowsForNothing() {
    assertThat(TemplateNames.status(texts("es"), "FLAGGED_FOR_REVIEW"))
        .isEqualTo("FLAGGED_FOR_REVIEW");
    assertThat(TemplateNames.quality(texts("ar"), null)).isEmpty();
  }
}
