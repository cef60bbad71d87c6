package in.picode.kretanote.tenant.control;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238 appendix B's SHA-1 seed. */
  private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(US_ASCII);

  @Test
  void codesAreThoseOfRfc6238AppendixB() {
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8))
        .isEqualTo("94287082");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8))
        .isEqualTo("07081804");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)), 8))
        .isEqualTo("89005924");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)), 8))
        .isEqualTo("65353130");
  }

  @Test
  void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    String previous = Totp.code(RFC_SECRET, step - 1, 6);
    String next = Totp.code(RFC_SECRET, step + 1, 6);
    String old = Totp.code(RFC_SECRET, step - 2, 6);
    assertThat(Totp.match(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
    assertThat(Totp.match(RFC_SECRET, next, now, 0)).hasValue(step + 1);
    assertThat(Totp.match(RFC_SECRET, old, now, 0)).isEmpty();
  }

  @Test
  void aUsedStepIsNotAcceptedAgain() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    String code = Totp.code(RFC_SECRET, step, 6);
    assertThat(Totp.match(RFC_SECRET, code, now, step - 1)).hasValue(step);
    assertThat(Totp.match(RFC_SECRET, code, now, step)).isEmpty();
  }

  @Test
  void malformedCodesMatchNothing() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    assertThat(Totp.match(RFC_SECRET, null, now, 0)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, "", now, 0)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, "12345", now, 0)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, "1234567", now, 0)).isEmpty();
    assertThat(Totp.match(RFC_SECRET, "12a456", now, 0)).isEmpty();
    String spaced = Totp.code(RFC_SECRET, Totp.step(now), 6).replaceAll("(...)(...)", "$1 $2");
    assertThat(Totp.match(RFC_SECRET, spaced, now, 0)).isPresent();
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertThat(Totp.base32("foobar".getBytes(US_ASCII))).isEqualTo("MZXW6YTBOI");
    byte[] secret = Totp.newSecret();
    assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
    assertThat(Totp.fromBase32("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(US_ASCII));
    assertThatThrownBy(() -> Totp.fromBase32("MZ1W")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otpauthUriNamesIssuerAccountAndSecret() {
    String uri = Totp.otpauthUri("KretaNote", "a b@shop.test", "foobar".getBytes(US_ASCII));
    assertThat(uri)
        .startsWith("otpauth://totp/KretaNote:a%20b%40shop.test?secret=MZXW6YTBOI")
        .contains("issuer=KretaNote")
        .contains("digits=6")
        .contains("period=30");
  }
}
