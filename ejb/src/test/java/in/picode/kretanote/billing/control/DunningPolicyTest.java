package in.picode.kretanote.billing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DunningPolicyTest {

  static final Instant FAILED = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void retriesOnScheduleThenSuspendsAfterGrace() {
    DunningPolicy p = DunningPolicy.parse("P3D,P1D,P5D", "P7D");
    assertThat(p.nextRetry(FAILED, 1)).contains(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(p.nextRetry(FAILED, 2)).contains(Instant.parse("2026-12-04T00:00:00Z"));
    assertThat(p.nextRetry(FAILED, 3)).contains(Instant.parse("2026-12-06T00:00:00Z"));
    assertThat(p.nextRetry(FAILED, 4)).isEmpty();
    assertThat(p.suspendAt(FAILED)).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
  }

  @Test
  void retriesAfterTheGracePeriodAreRefused() {
    assertThatThrownBy(() -> DunningPolicy.parse("P1D,P9D", "P7D"))
        .hasMessageContaining("within the grace period");
  }
}
