package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.control.TenantStanding.Standing;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the send guard, from a state where everything may go. */
class GuardRulesTest {

  /** A free-form reply inside the window on a healthy number. */
  static GuardInput ok() {
    return new GuardInput(
        Standing.good(),
        "CONNECTED",
        "AVAILABLE",
        true,
        Category.SERVICE,
        null,
        null,
        false,
        null,
        false,
        250,
        0,
        false);
  }

  /** An approved marketing template outside the window. */
  static GuardInput template() {
    return new GuardInput(
        Standing.good(),
        "CONNECTED",
        "AVAILABLE",
        false,
        Category.MARKETING,
        "offer",
        "APPROVED",
        false,
        null,
        false,
        250,
        10,
        false);
  }

  static GuardInput with(GuardInput b, String field, Object value) {
    return new GuardInput(
        field.equals("standing") ? (Standing) value : b.standing(),
        field.equals("connection") ? (String) value : b.connectionStatus(),
        field.equals("canSend") ? (String) value : b.canSendMessage(),
        field.equals("window") ? (Boolean) value : b.windowOpen(),
        field.equals("category") ? (Category) value : b.category(),
        field.equals("template") ? (String) value : b.templateName(),
        field.equals("templateStatus") ? (String) value : b.templateStatus(),
        field.equals("optedOut") ? (Boolean) value : b.contactOptedOut(),
        field.equals("consent") ? (Boolean) value : b.consent(),
        field.equals("consentRequired") ? (Boolean) value : b.consentRequired(),
        field.equals("limit") ? (Integer) value : b.messagingLimit(),
        field.equals("used") ? (Long) value : b.limitUsed(),
        field.equals("counted") ? (Boolean) value : b.recipientAlreadyCounted());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("reply in the window", ok(), null),
        Arguments.of("approved template outside the window", template(), null),
        Arguments.of(
            "suspended tenant",
            with(ok(), "standing", Standing.suspended(Wording.unworded("the trial ended"))),
            RefusalCode.TENANT_NOT_IN_GOOD_STANDING),
        Arguments.of(
            "reconnect needed",
            with(ok(), "connection", "RECONNECT_NEEDED"),
            RefusalCode.CONNECTION_NOT_CONNECTED),
        Arguments.of(
            "disconnected",
            with(ok(), "connection", "DISCONNECTED"),
            RefusalCode.CONNECTION_NOT_CONNECTED),
        Arguments.of(
            "Meta blocks the number",
            with(ok(), "canSend", "BLOCKED"),
            RefusalCode.CONNECTION_BLOCKED),
        Arguments.of("limited still sends", with(ok(), "canSend", "LIMITED"), null),
        Arguments.of(
            "text outside the window", with(ok(), "window", false), RefusalCode.WINDOW_CLOSED),
        Arguments.of(
            "unknown template",
            with(template(), "templateStatus", null),
            RefusalCode.TEMPLATE_UNKNOWN),
        Arguments.of(
            "pending template",
            with(template(), "templateStatus", "PENDING"),
            RefusalCode.TEMPLATE_NOT_APPROVED),
        Arguments.of(
            "rejected template",
            with(template(), "templateStatus", "REJECTED"),
            RefusalCode.TEMPLATE_NOT_APPROVED),
        Arguments.of(
            "paused template",
            with(template(), "templateStatus", "PAUSED"),
            RefusalCode.TEMPLATE_NOT_APPROVED),
        Arguments.of(
            "opted-out contact, template",
            with(template(), "optedOut", true),
            RefusalCode.CONTACT_OPTED_OUT),
        Arguments.of("opted-out contact, reply in the window", with(ok(), "optedOut", true), null),
        Arguments.of(
            "marketing consent withdrawn",
            with(template(), "consent", false),
            RefusalCode.CONTACT_OPTED_OUT),
        Arguments.of(
            "marketing needs opt-in, none recorded",
            with(template(), "consentRequired", true),
            RefusalCode.NO_CONSENT),
        Arguments.of(
            "marketing needs opt-in, granted",
            with(with(template(), "consentRequired", true), "consent", true),
            null),
        Arguments.of(
            "messaging limit reached",
            with(template(), "used", 250L),
            RefusalCode.MESSAGING_LIMIT_REACHED),
        Arguments.of(
            "limit reached, customer already reached today",
            with(with(template(), "used", 250L), "counted", true),
            null),
        Arguments.of(
            "limit reached, but template inside the window",
            with(with(template(), "used", 250L), "window", true),
            null),
        Arguments.of(
            "unlimited tier", with(with(template(), "used", 99_999L), "limit", null), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rules(String name, GuardInput input, RefusalCode expected) {
    Optional<Refusal> refusal = GuardRules.check(input);
    if (expected == null) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal).isPresent();
      assertThat(refusal.get().code()).isEqualTo(expected);
      assertThat(refusal.get().reason()).isNotBlank().doesNotContain("%s");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "TIER_250, 250",
    "TIER_1K, 1000",
    "TIER_2K, 2000",
    "TIER_10K, 10000",
    "TIER_100K, 100000",
    "tier_250, 250",
    "5000, 5000",
    "TIER_UNLIMITED, ",
    "UNLIMITED, ",
    "nonsense, ",
    "'', ",
  })
  void messagingLimitTiers(String tier, Integer expected) {
    assertThat(GuardRules.messagingLimit(tier)).isEqualTo(expected);
  }
}
