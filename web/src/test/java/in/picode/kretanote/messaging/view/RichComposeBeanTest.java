package in.picode.kretanote.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.outbound.boundary.RichSending;
import in.picode.kretanote.outbound.control.ContentProblem;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class RichComposeBeanTest {

  @Test
  void listRowsAreOnePerLineWithAnOptionalDescriptionAfterABar() {
    assertThat(RichComposeBean.rows("Monday 9-12 | in the shop\n\n  Tuesday  \nWed |  "))
        .containsExactly(
            new RichSending.Choice(null, "Monday 9-12", "in the shop"),
            new RichSending.Choice(null, "Tuesday", null),
            new RichSending.Choice(null, "Wed", null));
    assertThat(RichComposeBean.rows(null)).isEmpty();
  }

  @Test
  void coordinatesAreDecimalsWithAPointOrAComma() {
    assertThat(RichComposeBean.number("52.52")).isEqualTo(52.52);
    assertThat(RichComposeBean.number(" -13,405 ")).isEqualTo(-13.405);
    assertThat(RichComposeBean.number("north")).isNull();
    assertThat(RichComposeBean.number("NaN")).isNull();
    assertThat(RichComposeBean.number("")).isNull();
  }

  @Test
  void everyProblemTheBoundaryCanReportIsWordedInEveryLanguage() {
    for (String language : List.of("en", "hi", "es", "pt-BR", "id", "ar")) {
      ResourceBundle bundle =
          ResourceBundle.getBundle(ComposeBean.BUNDLE, Locale.forLanguageTag(language));
      for (String code : ContentProblem.codes()) {
        String key = "compose.problem." + code;
        assertThat(bundle.containsKey(key)).as(language + " " + key).isTrue();
      }
    }
  }
}
