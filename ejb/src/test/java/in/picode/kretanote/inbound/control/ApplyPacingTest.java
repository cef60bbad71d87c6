package in.picode.kretanote.inbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApplyPacingTest {

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private ApplyPacing pacing(long threshold, double share) {
    return new ApplyPacing(threshold, share, received::get, clock::get);
  }

  /** Advances the clock by {@code millis} while {@code perSecond} webhooks arrive. */
  private void traffic(long perSecond, long millis) {
    received.addAndGet(perSecond * millis / 1000);
    clock.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  @Test
  void belowTheThresholdTheApplierNeverPauses() {
    ApplyPacing pacing = pacing(2500, 0.25);
    traffic(2000, 600);
    assertEquals(Duration.ZERO, pacing.pauseAfter(Duration.ofMillis(40).toNanos()));
    assertEquals(2000, pacing.ratePerSecond(), 1);
  }

  @Test
  void aboveTheThresholdItKeepsOnlyItsShareOfTheTime() {
    ApplyPacing pacing = pacing(2500, 0.25);
    traffic(4000, 600);
    // 40 ms of work at a 25 % share: 120 ms of pause, so 40 of every 160 ms are spent applying.
    assertEquals(Duration.ofMillis(120), pacing.pauseAfter(Duration.ofMillis(40).toNanos()));
  }

  @Test
  void theRateIsMeasuredOverAWindowNotPerBatch() {
    ApplyPacing pacing = pacing(2500, 0.5);
    traffic(4000, 600);
    assertEquals(Duration.ofMillis(10), pacing.pauseAfter(Duration.ofMillis(10).toNanos()));
    // 100 ms later nothing arrived, but the window is not over: still the burst's rate.
    traffic(0, 100);
    assertEquals(Duration.ofMillis(10), pacing.pauseAfter(Duration.ofMillis(10).toNanos()));
    // Once a whole quiet window has passed, the applier runs at full speed again.
    traffic(0, 500);
    assertEquals(Duration.ZERO, pacing.pauseAfter(Duration.ofMillis(10).toNanos()));
  }

  @Test
  void aLongBatchNeverStopsTheApplierForMoreThanASecond() {
    ApplyPacing pacing = pacing(100, 0.1);
    traffic(5000, 1000);
    assertEquals(ApplyPacing.MAX_PAUSE, pacing.pauseAfter(Duration.ofSeconds(3).toNanos()));
  }

  @Test
  void aThresholdOfZeroOrAFullShareTurnsYieldingOff() {
    traffic(9000, 1000);
    ApplyPacing off = pacing(0, 0.25);
    ApplyPacing full = pacing(100, 1.0);
    traffic(9000, 1000);
    assertEquals(Duration.ZERO, off.pauseAfter(Duration.ofMillis(50).toNanos()));
    assertEquals(Duration.ZERO, full.pauseAfter(Duration.ofMillis(50).toNanos()));
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> pacing(100, 0));
    assertThrows(IllegalArgumentException.class, () -> pacing(100, 1.5));
  }
}
