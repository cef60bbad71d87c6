package in.picode.kretanote.billing.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.billing.boundary.ProviderSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderSignatureTest {

  static final String SECRET = "whsec_test";
  static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  @Test
  void acceptsStripesScheme() {
    // Computed independently (Python hmac): HMAC-SHA256("whsec_test", '1795608000.{"id":"evt_1"}')
    String header = ProviderSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    org.assertj.core.api.Assertions.assertThat(header)
        .isEqualTo(
            "t=1795608000,v1=756d4b6bba4e4084c45292f05ef1e52116d5e875c2c5341ec5482a9b3e7b9367");
    assertThatCode(() -> ProviderSignature.verify(header, BODY, SECRET, NOW, TOLERANCE))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ProviderSignature.verify(
                    header + ",v1=00ff,v0=abc", BODY, SECRET, NOW.plusSeconds(299), TOLERANCE))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesForgedChangedOrStale() {
    String good = ProviderSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    String forged = ProviderSignature.sign("another secret", NOW.getEpochSecond(), BODY);
    assertThatThrownBy(() -> ProviderSignature.verify(forged, BODY, SECRET, NOW, TOLERANCE))
        .hasMessageContaining("does not match");
    byte[] changed = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ProviderSignature.verify(good, changed, SECRET, NOW, TOLERANCE))
        .hasMessageContaining("does not match");
    assertThatThrownBy(
            () -> ProviderSignature.verify(good, BODY, SECRET, NOW.plusSeconds(301), TOLERANCE))
        .hasMessageContaining("tolerance");
    String retimed = good.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1));
    assertThatThrownBy(() -> ProviderSignature.verify(retimed, BODY, SECRET, NOW, TOLERANCE))
        .hasMessageContaining("does not match");
  }

  @Test
  void refusesMalformedHeaders() {
    for (String h :
        new String[] {null, "", "garbage", "t=abc,v1=00", "t=1", "v1=00", "t=1,v1=zz"}) {
      assertThatThrownBy(() -> ProviderSignature.verify(h, BODY, SECRET, NOW, TOLERANCE))
          .as(String.valueOf(h))
          .isInstanceOf(ProviderSignature.Refused.class);
    }
    assertThatThrownBy(
            () ->
                ProviderSignature.verify(
                    "t=1," + "v1=00".repeat(500), BODY, SECRET, NOW, TOLERANCE))
        .isInstanceOf(ProviderSignature.Refused.class);
  }
}
