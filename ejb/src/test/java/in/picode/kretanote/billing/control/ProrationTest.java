package in.picode.kretanote.billing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProrationTest {

  static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

  /**
   * By hand: November has 30 days = 2,592,000 s. Changing on 21 Nov 00:00 leaves 10 days = 864,000
   * s, a third. Old price 29.00: credit 2900 / 3 = 966.67 → 967. New price 99.00: charge 9900 / 3 =
   * 3300. Net 3300 − 967 = 2333 (23.33).
   */
  @Test
  void upgradeAfterTwentyOfThirtyDays() {
    Proration.Result r =
        Proration.of(2900, 9900, NOV_1, DEC_1, Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(r.periodSeconds()).isEqualTo(2_592_000);
    assertThat(r.remainingSeconds()).isEqualTo(864_000);
    assertThat(r.creditMinor()).isEqualTo(967);
    assertThat(r.chargeMinor()).isEqualTo(3300);
    assertThat(r.netMinor()).isEqualTo(2333);
  }

  @Test
  void downgradeGivesCredit() {
    Proration.Result r =
        Proration.of(9900, 2900, NOV_1, DEC_1, Instant.parse("2026-11-16T00:00:00Z"));
    // 15 of 30 days left: credit 4950, charge 1450
    assertThat(r.netMinor()).isEqualTo(1450 - 4950);
  }

  @Test
  void atPeriodStartAndEnd() {
    assertThat(Proration.of(1000, 3000, NOV_1, DEC_1, NOV_1).netMinor()).isEqualTo(2000);
    assertThat(Proration.of(1000, 3000, NOV_1, DEC_1, DEC_1).netMinor()).isZero();
  }

  @Test
  void refusesChangesOutsideThePeriod() {
    assertThatThrownBy(
            () -> Proration.of(1, 2, NOV_1, DEC_1, Instant.parse("2026-12-02T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Proration.of(1, 2, DEC_1, NOV_1, NOV_1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundsHalfUpWithoutOverflow() {
    assertThat(Proration.share(1, 1, 2)).isEqualTo(1);
    assertThat(Proration.share(1, 1, 3)).isZero();
    assertThat(Proration.share(1_000_000_000L, 31_622_400, 31_622_400)).isEqualTo(1_000_000_000L);
  }
}
