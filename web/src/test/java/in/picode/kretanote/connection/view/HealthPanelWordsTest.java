package in.picode.kretanote.connection.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.connection.boundary.SendingProblem;
import in.picode.kretanote.connection.control.FailureWording;
import in.picode.kretanote.connection.control.HealthAssessment;
import in.picode.kretanote.connection.control.ProbeResult;
import in.picode.kretanote.connection.control.Problem;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.HealthStatus;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The "Why can't I send?" panel of the WhatsApp settings page in the reader's language: a probe's
 * real assessment, a disconnected number with its date, and a failed signup step's stored reason.
 */
class HealthPanelWordsTest {

  static final String WABA = "111";
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Locale ES = Locale.forLanguageTag("es");
  static final Locale AR = Locale.forLanguageTag("ar");

  static WhatsAppConnection connection() {
    return new WhatsAppConnection(WABA, "222", null, new byte[] {1}, null, NOW);
  }

  static String es(Wording w) {
    return Wordings.of(w, ES);
  }

  @Test
  void aProbeThatFindsTheTokenExpiringAndQualityDroppingReadsInSpanishWithTheDate() {
    Instant expires = NOW.plus(Duration.ofDays(2));
    TokenInfo token =
        new TokenInfo(
            true,
            "1",
            "SYSTEM_USER",
            expires,
            Set.of(TokenInfo.MANAGEMENT, TokenInfo.MESSAGING),
            Map.of(TokenInfo.MANAGEMENT, List.of(WABA), TokenInfo.MESSAGING, List.of(WABA)),
            null,
            null);
    PhoneNumberInfo number =
        new PhoneNumberInfo(
            "222",
            "+1 555",
            "Acme",
            "YELLOW",
            "CONNECTED",
            "APPROVED",
            "VERIFIED",
            "LIVE",
            "STANDARD",
            "TIER_250");
    ProbeResult probe =
        new ProbeResult(
            token, false, number, new HealthStatus("AVAILABLE", List.of()), true, List.of());
    Set<Problem> problems =
        HealthAssessment.assess(
            probe,
            Set.of(),
            WABA,
            NOW.minusSeconds(60),
            NOW,
            new HealthAssessment.Thresholds(Duration.ofDays(7), Duration.ofHours(48)));
    WhatsAppConnection c = connection();
    c.connected("+1 555", "Acme", NOW, NOW.plus(Duration.ofHours(1)));
    c.observed(
        "AVAILABLE",
        HealthAssessment.signature(problems),
        expires,
        NOW,
        NOW.plus(Duration.ofHours(1)));

    List<SendingProblem> panel = HealthAssessment.explain(c, NOW);

    assertThat(panel)
        .extracting(p -> p.title().english())
        .containsExactlyInAnyOrder(
            "KretaNote's access to your WhatsApp account expires soon",
            "The number's quality rating dropped to medium");
    SendingProblem expiring =
        panel.stream().filter(p -> p.title().english().contains("expires soon")).findFirst().get();
    assertThat(expiring.explanation())
        .extracting(Wording::english)
        .containsExactly(
            "The authorization Meta gave has an end date within the next days.",
            "It expires on 27 Nov 2026.");
    assertThat(es(expiring.title()))
        .isEqualTo("El acceso de KretaNote a tu cuenta de WhatsApp caduca pronto");
    assertThat(expiring.explanation())
        .extracting(HealthPanelWordsTest::es)
        .containsExactly(
            "La autorización que dio Meta vence en los próximos días.",
            "Caduca el 27 de noviembre de 2026.");
    assertThat(es(expiring.fix()))
        .isEqualTo("Haz clic en Volver a conectar antes de que caduque para renovarla.");
    SendingProblem quality =
        panel.stream().filter(p -> p.title().english().contains("quality")).findFirst().get();
    assertThat(Wordings.of(quality.title(), AR)).isEqualTo("انخفض تقييم جودة الرقم إلى متوسط");
  }

  @Test
  void aDisconnectedNumberSaysSinceWhenInArabic() {
    WhatsAppConnection c = connection();
    c.connected("+1 555", "Acme", NOW, NOW.plus(Duration.ofHours(1)));
    c.disconnect(NOW);

    SendingProblem line = HealthAssessment.explain(c, NOW).get(0);

    assertThat(line.explanation().get(0).english())
        .isEqualTo(
            "You disconnected it on 25 Nov 2026; KretaNote no longer holds an authorization for it."
                + " Conversations stay.");
    assertThat(Wordings.of(line.title(), AR)).isEqualTo("الرقم مفصول");
    assertThat(Wordings.of(line.explanation().get(0), AR))
        .startsWith("لقد فصلته في ")
        .contains("نوفمبر")
        .endsWith("؛ ولم يعد لدى KretaNote تفويض له. تبقى المحادثات محفوظة.");
  }

  @Test
  void aFailedStepKeepsItsReasonAsCodesAndReadsItInSpanish() {
    GraphException pin =
        new GraphException("op", 400, 133005, null, "msg", null, "Atrace", ErrorClass.PERMANENT);
    List<Wording> sentences = FailureWording.wordings(Step.REGISTER_NUMBER, pin);
    WhatsAppConnection c = connection();
    c.stepFailed(
        Step.REGISTER_NUMBER,
        FailureWording.of(Step.REGISTER_NUMBER, pin),
        FailureWording.json(sentences),
        NOW);

    SendingProblem line = HealthAssessment.explain(c, NOW).get(0);

    assertThat(c.getFailureReason())
        .startsWith("KretaNote could not register your phone number")
        .endsWith("(Meta error 133005, trace Atrace)");
    assertThat(String.join(" ", Wording.english(line.explanation())))
        .isEqualTo(c.getFailureReason());
    assertThat(line.title().english())
        .isEqualTo("Setting up the number stopped at: registering the number");
    assertThat(es(line.title()))
        .isEqualTo("La configuración del número se detuvo en: el registro del número");
    assertThat(line.explanation())
        .extracting(HealthPanelWordsTest::es)
        .containsExactly(es(sentences.get(0)), es(sentences.get(1)), es(sentences.get(2)));
    assertThat(es(line.explanation().get(0))).startsWith("KretaNote no pudo registrar");
    assertThat(es(line.explanation().get(2))).contains("133005").contains("Atrace");
    assertThat(es(line.fix())).startsWith("Haz clic en Reintentar.");
  }

  @Test
  void aReasonStoredBeforeTheCodesShowsItsEnglish() {
    WhatsAppConnection c = connection();
    c.stepFailed(Step.SUBSCRIBE_APP, "Meta said no.", null, NOW);

    SendingProblem line = HealthAssessment.explain(c, NOW).get(0);

    assertThat(line.explanation())
        .extracting(w -> Wordings.of(w, AR))
        .containsExactly("Meta said no.");
    assertThat(Wordings.of(line.title(), AR)).startsWith("توقف إعداد الرقم عند: ");
  }
}
