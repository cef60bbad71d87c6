package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacingTest {

  static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  @ParameterizedTest(name = "{0}/s -> at most {0} slots in any second")
  @ValueSource(ints = {1, 5, 20, 80, 250, 1000})
  void slotsNeverExceedTheRateInAnySlidingSecond(int perSecond) {
    Duration spacing = Pacing.spacing(perSecond);
    // Slots taken back to back from one shared row: slot k starts k spacings after the first.
    int n = perSecond * 3;
    Instant[] slots = new Instant[n];
    Instant next = T;
    for (int i = 0; i < n; i++) {
      slots[i] = Pacing.slot(T, next, null);
      next = slots[i].plus(spacing);
    }
    for (int i = 0; i + perSecond < n; i++) {
      assertThat(Duration.between(slots[i], slots[i + perSecond]))
          .as("the (rate+1)-th slot after slot %d", i)
          .isGreaterThan(Duration.ofSeconds(1));
    }
    double achieved = (n - 1) / (Duration.between(slots[0], slots[n - 1]).toNanos() / 1e9);
    assertThat(achieved).isBetween(perSecond * 0.95, (double) perSecond);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void ratesOutsideMetasRangeAreRefused(int perSecond) {
    assertThatThrownBy(() -> Pacing.spacing(perSecond))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSlotIsNeverBeforeNowTheNextFreeSlotOrAPause() {
    assertThat(Pacing.slot(T, null, null)).isEqualTo(T);
    assertThat(Pacing.slot(T, T.minusSeconds(5), null)).isEqualTo(T);
    assertThat(Pacing.slot(T, T.plusMillis(300), null)).isEqualTo(T.plusMillis(300));
    assertThat(Pacing.slot(T, T.plusMillis(300), T.plusSeconds(4))).isEqualTo(T.plusSeconds(4));
    assertThat(Pacing.slot(T, T.plusSeconds(9), T.plusSeconds(4))).isEqualTo(T.plusSeconds(9));
  }

  @ParameterizedTest(name = "attempt {0}, random {1} -> {2} ms")
  @CsvSource({
    "1, 0.0, 1000",
    "1, 0.999999, 1999",
    "2, 0.0, 2000",
    "3, 0.5, 6000",
    "10, 0.0, 30000",
    "40, 0.0, 30000",
    "0, 0.0, 1000",
  })
  void backoffDoublesWithJitterAndIsCapped(int attempt, double random, long millis) {
    Duration d = Pacing.backoff(attempt, Duration.ofSeconds(2), Duration.ofMinutes(1), random);
    assertThat(d.toMillis()).isBetween(millis - 1, millis);
  }

  @Test
  void jitterSpreadsRetriesButNeverBelowHalf() {
    for (double r = 0; r < 1; r += 0.01) {
      Duration d = Pacing.backoff(4, Duration.ofSeconds(1), Duration.ofMinutes(5), r);
      assertThat(d).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
  }

  @Test
  void aCallThatEndedLatePushesTheNextSlot() {
    // 5/s: spacing 208 ms, margin 40 ms.
    assertThat(Pacing.notBefore(T, T.plusMillis(15), 5)).isEmpty();
    Instant end = T.plusMillis(80);
    Instant next = Pacing.notBefore(T, end, 5).orElseThrow();
    // The call five slots later (four spacings after the next) starts a second after the end.
    assertThat(next.plus(Pacing.spacing(5).multipliedBy(4))).isEqualTo(end.plusSeconds(1));
    assertThat(next).isAfter(T.plus(Pacing.spacing(5)));
  }

  @Test
  void aNumbersLimitComesFromItsStoredRateThenTheOverrideThenMetasLevel() {
    assertThat(Pacing.perSecond(null, 0, "STANDARD", 80, 1000)).isEqualTo(80);
    assertThat(Pacing.perSecond(null, 0, null, 80, 1000)).isEqualTo(80);
    assertThat(Pacing.perSecond(null, 0, "HIGH", 80, 1000)).isEqualTo(1000);
    assertThat(Pacing.perSecond(null, 0, "high ", 80, 1000)).isEqualTo(1000);
    assertThat(Pacing.perSecond(null, 250, "HIGH", 80, 1000)).as("override").isEqualTo(250);
    assertThat(Pacing.perSecond(5, 250, "HIGH", 80, 1000)).as("stored rate").isEqualTo(5);
    assertThat(Pacing.perSecond(null, 0, "HIGH", 80, 5000)).as("never above 1,000").isEqualTo(1000);
  }

  @Test
  void aSteadyLatencyMovesNoSlotButALateStartOrASlowCallDoes() {
    Instant slot = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(Pacing.late(slot, slot, slot.plusMillis(250), 250, 80))
        .as("as slow as the others")
        .isEmpty();
    assertThat(Pacing.late(slot, slot.plusMillis(5), slot.plusMillis(260), 250, 80)).isEmpty();
    assertThat(Pacing.late(slot, slot.plusMillis(100), slot.plusMillis(350), 250, 80))
        .as("started 100 ms after its slot")
        .isPresent();
    assertThat(Pacing.late(slot, slot, slot.plusMillis(900), 250, 80))
        .as("650 ms slower than usual")
        .hasValueSatisfying(t -> assertThat(t).isAfter(slot.plusMillis(600)));
  }
}
