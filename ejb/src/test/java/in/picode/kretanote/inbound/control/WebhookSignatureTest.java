package in.picode.kretanote.inbound.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.inbound.control.WebhookSignature.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

  private static final String SECRET = "4f1c9a7e2b6d8f0a3c5e7b9d1f2a4c6e";
  private static final String OLD_SECRET = "0b3d5f7a9c1e2d4f6a8c0e2b4d6f8a0c";

  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  void matchesPublishedHmacSha256Vectors() {
    WebhookSignature keyed = new WebhookSignature("key");
    byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(UTF_8);

    assertThat(
            keyed.verify(
                fox, "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"))
        .isEqualTo(Verdict.VALID);
    assertThat(
            keyed.verify(
                new byte[0],
                "sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0"))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void acceptsTheRawBytesOfARealPayloadWithEscapesAndEmoji() {
    byte[] body = Fixtures.bytes("escapes.json");

    assertThat(signature.verify(body, signature.sign(body))).isEqualTo(Verdict.VALID);
  }

  @Test
  void refusesTheSamePayloadOnceReserialised() {
    byte[] body = Fixtures.bytes("escapes.json");
    String header = signature.sign(body);
    byte[] reserialised;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      reserialised = reader.readObject().toString().getBytes(UTF_8);
    }

    assertThat(reserialised).isNotEqualTo(body);
    assertThat(signature.verify(reserialised, header)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void refusesABodyChangedByOneBit() {
    byte[] body = Fixtures.bytes("batch.json");
    String header = signature.sign(body);
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[body.length / 2] ^= 1;

    assertThat(signature.verify(tampered, header)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void signsAnEmptyBodyToo() {
    byte[] empty = new byte[0];

    assertThat(signature.verify(empty, signature.sign(empty))).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(empty, signature.sign("x".getBytes(UTF_8))))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void acceptsUppercaseHexAPrefixInAnyCaseAndSurroundingSpace() {
    byte[] body = Fixtures.bytes("statuses.json");
    String hex = signature.sign(body).substring("sha256=".length());

    assertThat(signature.verify(body, "sha256=" + hex.toUpperCase(Locale.ROOT)))
        .isEqualTo(Verdict.VALID);
    assertThat(signature.verify(body, "SHA256=" + hex)).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(body, "  sha256=" + hex + " ")).isEqualTo(Verdict.VALID);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void reportsAMissingHeader(String header) {
    assertThat(signature.verify("{}".getBytes(UTF_8), header)).isEqualTo(Verdict.MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        "sha1=f7bc83f430538424b13298e6aa6fb143ef4d59a1",
        "sha256:f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        "sha256=",
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd",
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd80",
        "sha256=g7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3c\u0663\u0664",
        "sha256=f7bc83f430538424b13298e6aa6fb143 ef4d59a14946175997479dbc2d1a3cd8",
        "sha256=+7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
      })
  void reportsAMalformedHeader(String header) {
    byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(UTF_8);

    assertThat(new WebhookSignature("key").verify(fox, header)).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void acceptsThePreviousSecretDuringRotationAndSaysSo() {
    byte[] body = Fixtures.bytes("batch.json");
    String signedWithOld = new WebhookSignature(OLD_SECRET).sign(body);
    WebhookSignature rotating = new WebhookSignature(SECRET, Optional.of(OLD_SECRET));

    assertThat(rotating.verify(body, signedWithOld)).isEqualTo(Verdict.VALID_WITH_PREVIOUS_SECRET);
    assertThat(rotating.verify(body, signature.sign(body))).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(body, signedWithOld)).isEqualTo(Verdict.MISMATCH);
    assertThat(
            new WebhookSignature(SECRET, Optional.of("other-secret")).verify(body, signedWithOld))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void treatsABlankPreviousSecretAsNone() {
    byte[] body = "{}".getBytes(UTF_8);
    WebhookSignature unset = new WebhookSignature(SECRET, Optional.of(" "));

    assertThat(unset.verify(body, new WebhookSignature(" x").sign(body)))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(unset.toString()).contains("unset");
  }

  @Test
  void needsACurrentSecret() {
    assertThatThrownBy(() -> new WebhookSignature(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSignature(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsTheSecrets() {
    assertThat(new WebhookSignature(SECRET, Optional.of(OLD_SECRET)).toString())
        .doesNotContain(SECRET)
        .doesNotContain(OLD_SECRET);
  }

  @Test
  void onlyValidVerdictsAreValid() {
    assertThat(Arrays.stream(Verdict.values()).filter(Verdict::isValid))
        .containsExactly(Verdict.VALID, Verdict.VALID_WITH_PREVIOUS_SECRET);
  }
}
