package in.picode.kretanote.api.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.boundary.WordingTexts;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The notice of a disabled webhook subscription: the receiver's HTTP answer is a sentence of ours
 * (read in the owner's language), an error without an answer stays as it was given.
 */
class WebhookDisabledWordingTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final String URL = "https://hooks.example.com/kreta";

  @Test
  void aReceiverThatAnsweredAnErrorIsToldInTheReadersLanguage() {
    Wording w = WebhookDeliveries.disabled(URL, Duration.ofHours(24), 503, null);
    assertThat(w.english())
        .isEqualTo(
            "Deliveries to https://hooks.example.com/kreta failed without a break for 24 hours;"
                + " the subscription is disabled. Last error: The receiver answered HTTP 503.");
    assertThat(WordingTexts.of(w, ES))
        .isEqualTo(
            "Las entregas a https://hooks.example.com/kreta fallaron sin interrupción durante 24"
                + " horas; la suscripción está desactivada. Último error: El receptor respondió"
                + " HTTP 503.");
    String arabic = WordingTexts.of(w, Locale.forLanguageTag("ar"));
    assertThat(arabic).contains(URL, "HTTP 503", "ساعة").doesNotContain("hours", "receiver");
    assertThat(WordingTexts.of(ApiWords.WEBHOOK_DISABLED_SUBJECT.with(), ES))
        .isEqualTo("Se desactivó una suscripción de webhook");
  }

  @Test
  void anErrorWithoutAnAnswerStaysAsGivenAndShortWindowsReadAsSuch() {
    Wording w = WebhookDeliveries.disabled(URL, Duration.ofSeconds(8), null, "Connection refused");
    assertThat(w.english())
        .isEqualTo(
            "Deliveries to https://hooks.example.com/kreta failed without a break for less than an"
                + " hour; the subscription is disabled. Last error: Connection refused");
    assertThat(WordingTexts.of(w, ES))
        .contains("durante menos de una hora")
        .endsWith("Último error: Connection refused");
    assertThat(WebhookDeliveries.disabled(URL, Duration.ofMinutes(90), 500, null).english())
        .contains("for an hour;");
    assertThat(
            WordingTexts.of(
                WebhookDeliveries.disabled(URL, Duration.ofHours(1), 500, null),
                Locale.forLanguageTag("pt-BR")))
        .contains("por uma hora;", "O receptor respondeu HTTP 500.");
  }
}
