package in.picode.kretanote.connection.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountSignalsTest {

  static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  static AccountSignals.Current healthy() {
    return new AccountSignals.Current(
        "GREEN", "CONNECTED", "APPROVED", "TIER_10K", EnumSet.noneOf(Problem.class));
  }

  static AccountSignals.Outcome apply(String field, String value, AccountSignals.Current now) {
    return AccountSignals.apply(field, json(value), now, "+1 555 0001111");
  }

  @Test
  void flaggedMeansLowQualityAndAFlaggedNumber() {
    AccountSignals.Outcome o =
        apply(
            "phone_number_quality_update",
            "{\"display_phone_number\":\"15550001111\",\"event\":\"FLAGGED\","
                + "\"current_limit\":\"TIER_10K\"}",
            healthy());
    assertThat(o.qualityRating()).isEqualTo("RED");
    assertThat(o.numberStatus()).isEqualTo("FLAGGED");
    assertThat(o.messagingLimit()).isEqualTo("TIER_10K");
    assertThat(o.problems()).containsExactlyInAnyOrder(Problem.NUMBER_FLAGGED, Problem.QUALITY_RED);
    assertThat(o.notice()).isEmpty();

    AccountSignals.Current flagged =
        new AccountSignals.Current("RED", "FLAGGED", "APPROVED", "TIER_10K", o.problems());
    AccountSignals.Outcome back =
        apply("phone_number_quality_update", "{\"event\":\"UNFLAGGED\"}", flagged);
    assertThat(back.problems()).containsExactly(Problem.QUALITY_YELLOW);
  }

  @Test
  void aDowngradeIsNewsButNoLastingProblem() {
    AccountSignals.Outcome o =
        apply(
            "phone_number_quality_update",
            "{\"event\":\"DOWNGRADE\",\"current_limit\":\"TIER_1K\"}",
            healthy());
    assertThat(o.problems()).isEmpty();
    assertThat(o.messagingLimit()).isEqualTo("TIER_1K");
    assertThat(o.notice())
        .get()
        .extracting(n -> n.subject().english())
        .isEqualTo("WhatsApp +1 555 0001111: Meta lowered the messaging limit");
    assertThat(Wording.english(o.notice().get().body()))
        .singleElement()
        .asString()
        .contains("(now TIER_1K)");
  }

  @Test
  void otherAspectsSurviveANumberUpdate() {
    AccountSignals.Current withToken =
        new AccountSignals.Current(
            "GREEN", "CONNECTED", "APPROVED", null, Set.of(Problem.TOKEN_EXPIRING));
    assertThat(
            apply("phone_number_quality_update", "{\"event\":\"FLAGGED\"}", withToken).problems())
        .contains(Problem.TOKEN_EXPIRING, Problem.NUMBER_FLAGGED);
  }

  @Test
  void nameDecisions() {
    AccountSignals.Outcome rejected =
        apply(
            "phone_number_name_update",
            "{\"display_phone_number\":\"15550001111\",\"decision\":\"REJECTED\","
                + "\"requested_verified_name\":\"Ana's Bakery\",\"rejection_reason\":\"X\"}",
            healthy());
    assertThat(rejected.nameStatus()).isEqualTo("DECLINED");
    assertThat(rejected.verifiedName()).isNull();
    assertThat(rejected.problems()).containsExactly(Problem.NAME_NOT_APPROVED);

    AccountSignals.Outcome approved =
        apply(
            "phone_number_name_update",
            "{\"decision\":\"APPROVED\",\"requested_verified_name\":\"Ana's Bakery\"}",
            new AccountSignals.Current(
                "GREEN", "CONNECTED", "DECLINED", null, Set.of(Problem.NAME_NOT_APPROVED)));
    assertThat(approved.nameStatus()).isEqualTo("APPROVED");
    assertThat(approved.verifiedName()).isEqualTo("Ana's Bakery");
    assertThat(approved.problems()).isEmpty();
  }

  @Test
  void bansAndRestrictionsComeAndGo() {
    AccountSignals.Outcome banned =
        apply(
            "account_update",
            "{\"event\":\"DISABLED_UPDATE\",\"ban_info\":{\"waba_ban_state\":\"DISABLE\","
                + "\"waba_ban_date\":\"2026-11-25\"}}",
            healthy());
    assertThat(banned.problems()).containsExactly(Problem.ACCOUNT_BANNED);
    AccountSignals.Outcome reinstated =
        apply(
            "account_update",
            "{\"event\":\"DISABLED_UPDATE\",\"ban_info\":{\"waba_ban_state\":\"REINSTATE\"}}",
            new AccountSignals.Current("GREEN", "CONNECTED", "APPROVED", null, banned.problems()));
    assertThat(reinstated.problems()).isEmpty();

    AccountSignals.Outcome restricted =
        apply(
            "account_update",
            "{\"event\":\"ACCOUNT_RESTRICTION\",\"restriction_info\":[{\"restriction_type\":"
                + "\"RESTRICTED_BIZ_INITIATED_MESSAGING\",\"expiration\":1764000000}]}",
            healthy());
    assertThat(restricted.problems()).containsExactly(Problem.ACCOUNT_RESTRICTED);
    assertThat(restricted.problems().iterator().next().blocking()).isTrue();
    AccountSignals.Outcome lifted =
        apply(
            "account_update",
            "{\"event\":\"ACCOUNT_RESTRICTION\",\"restriction_info\":[]}",
            new AccountSignals.Current(
                "GREEN", "CONNECTED", "APPROVED", null, restricted.problems()));
    assertThat(lifted.problems()).isEmpty();
  }

  @Test
  void aViolationIsNewsAndPartnerRemovalMeansNoWebhooks() {
    AccountSignals.Outcome violation =
        apply(
            "account_update",
            "{\"event\":\"ACCOUNT_VIOLATION\",\"violation_info\":{\"violation_type\":\"SCAM\"}}",
            healthy());
    assertThat(violation.problems()).isEmpty();
    assertThat(Wording.english(violation.notice().get().body()))
        .singleElement()
        .asString()
        .contains("policies (SCAM).");
    assertThat(apply("account_update", "{\"event\":\"PARTNER_REMOVED\"}", healthy()).problems())
        .containsExactly(Problem.APP_UNSUBSCRIBED);
  }

  @Test
  void aProbeKeepsWhatOnlyWebhooksKnow() {
    Set<Problem> out =
        HealthAssessment.assess(
            new ProbeResult(null, false, null, null, null, java.util.List.of()),
            Set.of(Problem.ACCOUNT_RESTRICTED),
            "1",
            null,
            java.time.Instant.now(),
            new HealthAssessment.Thresholds(
                java.time.Duration.ofDays(7), java.time.Duration.ofDays(2)));
    assertThat(out).contains(Problem.ACCOUNT_RESTRICTED);
  }

  @Test
  void theNumberIsReadAsDigits() {
    assertThat(AccountSignals.number(json("{\"display_phone_number\":\"+1 555-000 1111\"}")))
        .contains("15550001111");
    assertThat(AccountSignals.number(json("{\"event\":\"X\"}"))).isEmpty();
  }
}
