package in.picode.kretanote.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInDelaysTest {

  static final SignInDelays DELAYS =
      new SignInDelays(5, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1));

  @Test
  void finding01_theFirstFailuresAreFreeThenTheWaitDoublesUpToTheCap() {
    for (int i = 0; i < 5; i++) {
      assertThat(DELAYS.after(i)).isZero();
    }
    assertThat(DELAYS.after(5)).hasSeconds(2);
    assertThat(DELAYS.after(6)).hasSeconds(4);
    assertThat(DELAYS.after(7)).hasSeconds(8);
    assertThat(DELAYS.after(14)).hasSeconds(900);
    assertThat(DELAYS.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void failuresAreForgottenAfterAQuietPeriod() {
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    assertThat(DELAYS.stillCounted(9, now.minus(Duration.ofMinutes(59)), now)).isEqualTo(9);
    assertThat(DELAYS.stillCounted(9, now.minus(Duration.ofMinutes(61)), now)).isZero();
    assertThat(DELAYS.stillCounted(9, null, now)).isZero();
  }
}
