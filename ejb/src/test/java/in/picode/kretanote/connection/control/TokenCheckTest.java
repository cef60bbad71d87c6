package in.picode.kretanote.connection.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCheckTest {

  static TokenInfo info(
      boolean valid, String app, Set<String> scopes, Map<String, List<String>> t) {
    return new TokenInfo(valid, app, "SYSTEM_USER", null, scopes, t, null, null);
  }

  static final Set<String> BOTH = Set.of(TokenInfo.MANAGEMENT, TokenInfo.MESSAGING);
  static final Map<String, List<String>> ON_111 =
      Map.of(TokenInfo.MANAGEMENT, List.of("111"), TokenInfo.MESSAGING, List.of("111"));

  @Test
  void aGoodTokenPasses() {
    assertThat(TokenCheck.refusal(info(true, "9", BOTH, ON_111), "9", "111").map(Wording::english))
        .isEmpty();
    assertThat(
            TokenCheck.refusal(info(true, "9", BOTH, Map.of()), "9", "111").map(Wording::english))
        .as("scopes without granular targets reach every object")
        .isEmpty();
  }

  @Test
  void eachShortcomingIsNamed() {
    assertThat(TokenCheck.refusal(info(false, "9", BOTH, ON_111), "9", "111").map(Wording::english))
        .get()
        .asString()
        .contains("no longer valid");
    assertThat(TokenCheck.refusal(info(true, "8", BOTH, ON_111), "9", "111").map(Wording::english))
        .get()
        .asString()
        .contains("another app");
    assertThat(
            TokenCheck.refusal(info(true, "9", Set.of(TokenInfo.MESSAGING), ON_111), "9", "111")
                .map(Wording::english))
        .get()
        .asString()
        .contains("Managing the account was not granted");
    assertThat(
            TokenCheck.refusal(info(true, "9", Set.of(), ON_111), "9", "111").map(Wording::english))
        .get()
        .asString()
        .contains("Both were not granted");
    assertThat(TokenCheck.refusal(info(true, "9", BOTH, ON_111), "9", "222").map(Wording::english))
        .get()
        .asString()
        .contains("does not cover");
  }
}
