package in.picode.kretanote.connection.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.meta.boundary.HealthStatus;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.boundary.WordingTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthAssessmentTest {

  static final String WABA = "111";
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final HealthAssessment.Thresholds T =
      new HealthAssessment.Thresholds(Duration.ofDays(7), Duration.ofHours(48));

  static TokenInfo token(boolean valid, Instant expires, String... scopes) {
    return new TokenInfo(
        valid,
        "1",
        "SYSTEM_USER",
        expires,
        Set.of(scopes),
        Map.of(TokenInfo.MANAGEMENT, List.of(WABA), TokenInfo.MESSAGING, List.of(WABA)),
        null,
        null);
  }

  static PhoneNumberInfo number(String status, String quality, String name) {
    return new PhoneNumberInfo(
        "222", "+1 555", "Acme", quality, status, name, "VERIFIED", "LIVE", "STANDARD", "TIER_250");
  }

  static final TokenInfo GOOD = token(true, null, TokenInfo.MANAGEMENT, TokenInfo.MESSAGING);
  static final HealthStatus AVAILABLE = new HealthStatus("AVAILABLE", List.of());

  static Set<Problem> assess(ProbeResult r, Set<Problem> previous) {
    return HealthAssessment.assess(r, previous, WABA, NOW.minusSeconds(60), NOW, T);
  }

  @Test
  void aHealthyNumberHasNoProblems() {
    ProbeResult r =
        new ProbeResult(
            GOOD, false, number("CONNECTED", "GREEN", "APPROVED"), AVAILABLE, true, List.of());
    assertThat(assess(r, Set.of())).isEmpty();
    assertThat(HealthAssessment.signature(Set.of())).isEmpty();
  }

  @Test
  void eachAspectFindsItsProblems() {
    ProbeResult r =
        new ProbeResult(
            token(true, NOW.plus(Duration.ofDays(2)), TokenInfo.MANAGEMENT),
            false,
            number("FLAGGED", "YELLOW", "DECLINED"),
            new HealthStatus("LIMITED", List.of()),
            false,
            List.of());
    assertThat(assess(r, Set.of()))
        .containsExactlyInAnyOrder(
            Problem.PERMISSIONS_MISSING,
            Problem.TOKEN_EXPIRING,
            Problem.NUMBER_FLAGGED,
            Problem.QUALITY_YELLOW,
            Problem.NAME_NOT_APPROVED,
            Problem.SENDING_LIMITED,
            Problem.APP_UNSUBSCRIBED);
  }

  @Test
  void anInvalidTokenIsSettledWithoutTheOtherAspects() {
    Set<Problem> previous = EnumSet.of(Problem.QUALITY_RED);
    ProbeResult invalid = new ProbeResult(token(false, null), false, null, null, null, List.of());
    assertThat(assess(invalid, previous))
        .containsExactlyInAnyOrder(Problem.TOKEN_INVALID, Problem.QUALITY_RED);
    ProbeResult rejected = new ProbeResult(null, true, null, null, null, List.of("190"));
    assertThat(assess(rejected, Set.of())).containsExactly(Problem.TOKEN_INVALID);
  }

  @Test
  void whatMetaCouldNotTellKeepsItsPreviousState() {
    Set<Problem> previous = EnumSet.of(Problem.QUALITY_RED, Problem.APP_UNSUBSCRIBED);
    ProbeResult nothingLearnt = new ProbeResult(null, false, null, null, null, List.of("timeout"));
    assertThat(assess(nothingLearnt, previous)).isEqualTo(previous);
  }

  @Test
  void statusesMapToProblems() {
    assertThat(assess(probe("BANNED"), Set.of())).contains(Problem.NUMBER_BANNED);
    assertThat(assess(probe("RESTRICTED"), Set.of())).contains(Problem.NUMBER_RESTRICTED);
    assertThat(assess(probe("DISCONNECTED"), Set.of())).contains(Problem.NUMBER_DISCONNECTED);
    assertThat(assess(probe("CONNECTED"), Set.of())).isEmpty();
  }

  static ProbeResult probe(String status) {
    return new ProbeResult(
        GOOD, false, number(status, "GREEN", "APPROVED"), AVAILABLE, true, List.of());
  }

  @Test
  void longSilenceIsAWarning() {
    ProbeResult r = probe("CONNECTED");
    Set<Problem> quiet =
        HealthAssessment.assess(r, Set.of(), WABA, NOW.minus(Duration.ofHours(49)), NOW, T);
    assertThat(quiet).containsExactly(Problem.NO_RECENT_WEBHOOKS);
    assertThat(Problem.NO_RECENT_WEBHOOKS.blocking()).isFalse();
  }

  @Test
  void signatureRoundTripsAndIgnoresUnknownCodes() {
    Set<Problem> p = EnumSet.of(Problem.QUALITY_RED, Problem.APP_UNSUBSCRIBED);
    assertThat(HealthAssessment.signature(p)).isEqualTo("APP_UNSUBSCRIBED,QUALITY_RED");
    assertThat(HealthAssessment.parse("APP_UNSUBSCRIBED,QUALITY_RED,FROM_THE_FUTURE")).isEqualTo(p);
    assertThat(HealthAssessment.parse(null)).isEmpty();
  }

  @Test
  void notificationsSayWhatChanged() {
    HealthAssessment.Notice drop =
        HealthAssessment.notification("+1 555", Set.of(), EnumSet.of(Problem.QUALITY_YELLOW));
    assertThat(drop.subject().english())
        .isEqualTo("WhatsApp +1 555: " + Problem.QUALITY_YELLOW.title());
    assertThat(drop.body()).singleElement();
    assertThat(drop.body().get(0).english())
        .startsWith("New: " + Problem.QUALITY_YELLOW.title() + ".\n")
        .contains("What to do: " + Problem.QUALITY_YELLOW.fixWording().english());
    HealthAssessment.Notice healed =
        HealthAssessment.notification("+1 555", EnumSet.of(Problem.QUALITY_YELLOW), Set.of());
    assertThat(healed.subject().english()).isEqualTo("WhatsApp +1 555 is healthy again");
    assertThat(Wording.english(healed.body()))
        .containsExactly("Resolved: " + Problem.QUALITY_YELLOW.title() + ".");
    HealthAssessment.Notice two =
        HealthAssessment.notification(
            "+1 555", Set.of(), EnumSet.of(Problem.QUALITY_YELLOW, Problem.TOKEN_INVALID));
    assertThat(two.subject().english())
        .isEqualTo("WhatsApp +1 555: " + Problem.TOKEN_INVALID.title() + " (+1 more)");
    assertThat(two.body()).hasSize(2);
    HealthAssessment.Notice oneOfTwoGone =
        HealthAssessment.notification(
            "+1 555",
            EnumSet.of(Problem.QUALITY_YELLOW, Problem.TOKEN_INVALID),
            EnumSet.of(Problem.TOKEN_INVALID));
    assertThat(oneOfTwoGone.subject().english())
        .isEqualTo("WhatsApp +1 555: a problem was resolved");
    assertThat(Wording.english(oneOfTwoGone.body()))
        .containsExactly(
            "Resolved: " + Problem.QUALITY_YELLOW.title() + ".",
            "Still open: " + Problem.TOKEN_INVALID.title() + ".");
  }

  @Test
  void aNoticeReadsWhollyInTheReadersLanguage() {
    HealthAssessment.Notice drop =
        HealthAssessment.notification("+1 555", Set.of(), EnumSet.of(Problem.QUALITY_RED));
    Locale spanish = Locale.forLanguageTag("es");
    assertThat(WordingTexts.of(drop.subject(), spanish))
        .isEqualTo("WhatsApp +1 555: La calificación de calidad del número es baja");
    String body = WordingTexts.of(drop.body().get(0), spanish);
    assertThat(body)
        .startsWith("Nuevo: La calificación de calidad del número es baja.\n")
        .contains("\nQué hacer: ")
        .doesNotContain("What to do", "New:", "quality");
    assertThat(WordingTexts.of(drop.body().get(0), Locale.forLanguageTag("ar")))
        .startsWith("جديد: ");
  }
}
