package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.inbound.boundary.Handshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyTokenTest {

  private static final String TOKEN = "kreta-verify-7d1f0c";

  private final VerifyToken verifyToken = new VerifyToken(TOKEN);

  @Test
  void echoesTheChallengeWhenModeAndTokenMatch() {
    assertThat(verifyToken.check("subscribe", TOKEN, "1158201444"))
        .isEqualTo(new Handshake.Accepted("1158201444"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"unsubscribe", "Subscribe", "subscribe "})
  void refusesAnotherMode(String mode) {
    assertThat(verifyToken.check(mode, TOKEN, "1158201444")).isInstanceOf(Handshake.Refused.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"kreta-verify-7d1f0", "kreta-verify-7d1f0c ", "KRETA-VERIFY-7D1F0C", "x"})
  void refusesAnotherToken(String token) {
    assertThat(verifyToken.check("subscribe", token, "1158201444"))
        .isInstanceOf(Handshake.Refused.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"<script>alert(1)</script>", "123\r\nSet-Cookie: a=b", "12 34", "ünï"})
  void refusesAChallengeThatIsNotAPlainToken(String challenge) {
    assertThat(verifyToken.check("subscribe", TOKEN, challenge))
        .isInstanceOf(Handshake.Refused.class);
  }

  @Test
  void refusesAnOverlongChallenge() {
    assertThat(verifyToken.check("subscribe", TOKEN, "9".repeat(VerifyToken.CHALLENGE_MAX)))
        .isInstanceOf(Handshake.Accepted.class);
    assertThat(verifyToken.check("subscribe", TOKEN, "9".repeat(VerifyToken.CHALLENGE_MAX + 1)))
        .isInstanceOf(Handshake.Refused.class);
  }

  @Test
  void needsAToken() {
    assertThatThrownBy(() -> new VerifyToken("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(verifyToken.toString()).doesNotContain(TOKEN);
  }
}
