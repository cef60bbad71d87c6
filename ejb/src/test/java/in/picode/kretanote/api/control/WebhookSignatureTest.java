package in.picode.kretanote.api.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void theHeaderCarriesTheTimeAndTheHmacOfTimeDotBody() {
    byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
    // printf '%s' '1700000000.{"id":"e1"}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(WebhookSignature.header("whsec_test", 1700000000L, body))
        .isEqualTo(
            "t=1700000000,v1=6a85cb117c993612a34c72b4cfb5a16baed25a80d26e298ce0e6671320fd07c8");
    assertThat(WebhookSignature.header("other", 1700000000L, body))
        .isNotEqualTo(WebhookSignature.header("whsec_test", 1700000000L, body));
  }

  @Test
  void backOffGrowsWithJitterUpToTheCap() {
    Instant now = Instant.parse("2026-12-06T00:00:00Z");
    Duration base = Duration.ofSeconds(30);
    Duration max = Duration.ofHours(1);
    assertThat(Backoff.next(1, now, base, max, 0.5)).isEqualTo(now.plusSeconds(30));
    assertThat(Backoff.next(2, now, base, max, 0.5)).isEqualTo(now.plusSeconds(60));
    assertThat(Backoff.next(3, now, base, max, 0.0)).isEqualTo(now.plusSeconds(96));
    assertThat(Backoff.next(3, now, base, max, 0.999)).isBefore(now.plusSeconds(145));
    assertThat(Backoff.next(30, now, base, max, 0.5)).isEqualTo(now.plus(max));
  }

  @Test
  void apiKeyTokensParseAndHash() {
    ApiSecrets.Fresh fresh = ApiSecrets.generate();
    assertThat(fresh.token()).matches("kn_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    ApiSecrets.Parsed parsed = ApiSecrets.parse(fresh.token()).orElseThrow();
    assertThat(parsed.publicId()).isEqualTo(fresh.publicId());
    assertThat(ApiSecrets.sha256(parsed.secret())).isEqualTo(fresh.secretSha256());
    assertThat(ApiSecrets.parse("kn_short")).isEmpty();
    assertThat(ApiSecrets.parse(fresh.token() + "x")).isEmpty();
    assertThat(ApiSecrets.parse(null)).isEmpty();
    assertThat(ApiSecrets.generate().token()).isNotEqualTo(fresh.token());
  }
}
