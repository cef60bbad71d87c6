package in.picode.kretanote.automation.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.automation.control.AddLabelAction;
import in.picode.kretanote.automation.control.Definitions;
import in.picode.kretanote.automation.control.ResolveAction;
import in.picode.kretanote.automation.control.Situation;
import in.picode.kretanote.automation.control.Steps;
import in.picode.kretanote.automation.control.TextContainsCondition;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why a rule paused itself and what a rule run did, kept with their rows and read back in the
 * reader's language on the automation page; rows from before keep their English.
 */
class RunLogWordingsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void aRulesOwnPauseReadsInSpanishAndArabic() {
    Definitions.Checked broken = new Definitions().rule("{\"conditions\": [5], \"actions\": []}");
    AutomationRule rule = new AutomationRule(0, NOW);
    rule.pause(broken.pauseReason(), NOW);

    assertThat(rule.getPausedReason()).isEqualTo("Paused: Condition 1: not an object.");
    assertThat(Wordings.of(rule.getPausedWording(), ES))
        .isEqualTo("En pausa: Condición 1: no es un objeto.");
    assertThat(Wordings.of(rule.getPausedWording(), AR))
        .isEqualTo("متوقفة مؤقتًا: الشرط ١: ليس كائنًا.");
  }

  @Test
  void aRunsActionsAndAnUnmetConditionReadInSpanish() {
    Situation dry =
        new Situation(
            Trigger.CUSTOMER_MESSAGE,
            new Conversation(1, 2, NOW),
            "hello",
            true,
            null,
            NOW,
            true,
            "dry",
            "Dry run",
            0L,
            null);
    Wording label = new AddLabelAction().run(params("{\"label\": \"Refund\"}"), dry);
    Wording resolve = new ResolveAction().run(params("{}"), dry);
    AutomationRun done =
        new AutomationRun(
            7L,
            42,
            "CUSTOMER_MESSAGE",
            AutomationRun.Outcome.DONE,
            new Steps.Result(List.of(label, resolve), 2, 0).wording(),
            NOW);

    assertThat(done.getDetail()).isEqualTo("would add label 'Refund'; would resolve");
    assertThat(Wordings.of(done.getDetailWording(), ES))
        .isEqualTo("se haría: añadir la etiqueta de conversación «Refund»; se haría: resolver");

    AutomationRun nothing =
        new AutomationRun(
            7L,
            42,
            "CUSTOMER_MESSAGE",
            AutomationRun.Outcome.NOTHING,
            Steps.notMet(
                new TextContainsCondition(),
                params("{\"keywords\": \"refund, money back\", \"all\": true}")),
            NOW);
    assertThat(nothing.getDetail())
        .isEqualTo("condition not met: text contains all of [refund, money back]");
    assertThat(Wordings.of(nothing.getDetailWording(), ES))
        .isEqualTo(
            "condición no cumplida: el texto contiene todas las palabras de [refund, money back]");
    assertThat(Wordings.of(nothing.getDetailWording(), AR)).startsWith("الشرط غير متحقق: ");
  }

  @Test
  void rowsFromBeforeKeepTheirEnglish() {
    AutomationRule rule = new AutomationRule(0, NOW);
    rule.pause("Paused: Action 1: label 'VIP' no longer exists", NOW);
    AutomationRun old =
        new AutomationRun(
            7L, 42, "CUSTOMER_MESSAGE", AutomationRun.Outcome.DONE, "add label 'VIP'", NOW);

    assertThat(Wordings.of(rule.getPausedWording(), ES))
        .isEqualTo("Paused: Action 1: label 'VIP' no longer exists");
    assertThat(Wordings.of(old.getDetailWording(), ES)).isEqualTo("add label 'VIP'");
  }

  private static JsonObject params(String json) {
    try (var r = Json.createReader(new java.io.StringReader(json))) {
      return r.readObject();
    }
  }
}
