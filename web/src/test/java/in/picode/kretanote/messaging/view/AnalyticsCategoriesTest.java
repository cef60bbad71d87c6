package in.picode.kretanote.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class AnalyticsCategoriesTest {

  static ResourceBundle texts(String language) {
    return ResourceBundle.getBundle(AnalyticsBean.T, Locale.forLanguageTag(language));
  }

  @Test
  void metasPricingCategoriesAreNamedInTheReadersLanguage() {
    assertThat(AnalyticsBean.category(texts("en"), "marketing")).isEqualTo("Marketing");
    assertThat(AnalyticsBean.category(texts("es"), "utility")).isEqualTo("Utilidad");
    assertThat(AnalyticsBean.category(texts("hi"), "authentication")).isEqualTo("प्रमाणीकरण");
    assertThat(AnalyticsBean.category(texts("ar"), "service")).isEqualTo("خدمة");
    assertThat(AnalyticsBean.category(texts("id"), "referral_conversion"))
        .as("a category Meta added later, as Meta wrote it")
        .isEqualTo("referral_conversion");
  }
}
