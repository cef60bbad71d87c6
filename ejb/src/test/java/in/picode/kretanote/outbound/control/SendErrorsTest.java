package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.outbound.control.SendErrors.Action;
import in.picode.kretanote.outbound.control.SendErrors.Effect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error table of META-CLOUD-API.md, line by line, plus the cases without a code. */
class SendErrorsTest {

  @ParameterizedTest(name = "code {0} (HTTP {1}) -> {2} / {3}")
  @CsvSource({
    "131047, 400, FAIL, REQUIRE_TEMPLATE",
    "131026, 400, FAIL, CONTACT_UNREACHABLE",
    "130429, 400, THROTTLE_NUMBER, NONE",
    "131056, 400, SPACE_RECIPIENT, NONE",
    "131048, 400, FAIL, PAUSE_CAMPAIGNS",
    "131049, 400, FAIL, NONE",
    "131050, 400, FAIL, SUPPRESS_MARKETING",
    "132000, 400, FAIL, NONE",
    "132001, 404, FAIL, NONE",
    "133010, 400, FAIL, REGISTRATION_NEEDED",
    "190, 401, FAIL, RECONNECT_NEEDED",
    "4, 400, THROTTLE_NUMBER, NONE",
    "80007, 400, THROTTLE_NUMBER, NONE",
    "1, 500, RETRY, NONE",
    "2, 503, RETRY, NONE",
    "131000, 500, RETRY, NONE",
    "10, 403, FAIL, RECONNECT_NEEDED",
    "200, 403, FAIL, RECONNECT_NEEDED",
    "100, 400, FAIL, NONE",
    "131009, 400, FAIL, NONE",
  })
  void metaCodes(int code, int http, Action action, Effect effect) {
    SendErrors.Decision d = SendErrors.decide(code, http, false);
    assertThat(d.action()).isEqualTo(action);
    assertThat(d.effect()).isEqualTo(effect);
    assertThat(d.reason()).isNotBlank();
  }

  @ParameterizedTest(name = "no code, HTTP {0}, may have arrived {1} -> {2}")
  @CsvSource({
    "500, false, RETRY",
    "502, false, RETRY",
    "503, false, RETRY",
    "408, false, RETRY",
    "429, false, THROTTLE_NUMBER",
    "401, false, FAIL",
    "400, false, FAIL",
    "404, false, FAIL",
    "0, false, RETRY",
    "0, true, UNKNOWN",
    "200, false, UNKNOWN",
  })
  void withoutCode(int http, boolean mayHaveArrived, Action action) {
    assertThat(SendErrors.decide(null, http, mayHaveArrived).action()).isEqualTo(action);
  }

  @ParameterizedTest
  @CsvSource({"131047", "500", "130429"})
  void aTimeoutIsUnknownWhateverElse(int code) {
    assertThat(SendErrors.decide(code, 0, true).action()).isEqualTo(Action.UNKNOWN);
  }
}
