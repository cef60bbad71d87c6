package in.picode.kretanote.automation.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.automation.control.Definitions;
import in.picode.kretanote.automation.control.Params;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The rule editor's problems with a definition and its steps, as the checks find them, read in the
 * reader's language: a step's problem under the step's number, both in that language.
 */
class AutomationWordingsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  @Test
  void aRulesStepProblemsReadInSpanishUnderTheStepsNumber() {
    Definitions.Checked checked = new Definitions().rule("{\"conditions\": [5], \"actions\": []}");

    assertThat(checked.wordings().stream().map(w -> Wordings.of(w, ES)))
        .containsExactly(
            "Condición 1: no es un objeto.", "Una regla necesita al menos una acción.");
    assertThat(checked.problems())
        .containsExactly("Condition 1: not an object.", "A rule needs at least one action.");
  }

  @Test
  void aMissingParameterIsNamedInArabic() {
    List<Wording> out = new ArrayList<>();
    Params.require(
        Json.createObjectBuilder().build(), "label", AutomationWords.PARAM_LABEL.with(), 40, out);

    assertThat(Wordings.of(out.get(0), AR)).isEqualTo("مفقود: التصنيف.");
    assertThat(out.get(0).english()).isEqualTo("The label is missing.");
    assertThat(Wordings.of(new Definitions().macro("").wordings().get(0), AR))
        .isEqualTo("التعريف فارغ.");
  }
}
