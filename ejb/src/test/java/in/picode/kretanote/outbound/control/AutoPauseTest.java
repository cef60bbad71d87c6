package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.Wording;
import org.junit.jupiter.api.Test;

class AutoPauseTest {

  @Test
  void belowTheMinimumNothingPausesEvenWhenAllFailed() {
    assertThat(AutoPause.reason(19, 19, "GREEN", 0.05, 20)).isEmpty();
  }

  @Test
  void atTheThresholdAfterTheMinimumItPausesWithTheFigures() {
    assertThat(AutoPause.reason(20, 1, "GREEN", 0.05, 20).map(Wording::english))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .contains("1 of 20")
                    .contains("5.0%")
                    .contains("131048/131049")
                    .contains("spam"));
    assertThat(AutoPause.reason(100, 5, null, 0.05, 20)).isPresent();
  }

  @Test
  void belowTheThresholdItGoesOn() {
    assertThat(AutoPause.reason(100, 4, "YELLOW", 0.05, 20)).isEmpty();
    assertThat(AutoPause.reason(1000, 0, "GREEN", 0.05, 20)).isEmpty();
  }

  @Test
  void aRedQualityRatingPausesAtOnce() {
    assertThat(AutoPause.reason(0, 0, "red", 0.05, 20).map(Wording::english))
        .hasValueSatisfying(r -> assertThat(r).contains("quality rating").contains("RED"));
    assertThat(AutoPause.reason(0, 0, "UNKNOWN", 0.05, 20)).isEmpty();
  }
}
