package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The simulator counts a send against the number's throughput at the call's arrival, as Meta does,
 * whatever order the calls finish their injected latency in.
 */
class ThroughputWindowTest {

  private static final long MS = 1_000_000L;

  @Test
  void aSecondHoldsAtMostTheLimitCountedByArrival() {
    SimState state = new SimState();
    long t0 = 1_000_000 * MS;
    for (int i = 0; i < 5; i++) {
      assertThat(state.tryAcquireThroughput("pn", 5, t0 + i * 100 * MS)).isTrue();
    }
    // a sixth arriving within the same second is refused, one a second after the first is not
    assertThat(state.tryAcquireThroughput("pn", 5, t0 + 900 * MS)).isFalse();
    assertThat(state.tryAcquireThroughput("pn", 5, t0 + 1_000 * MS)).isTrue();
  }

  @Test
  void aCallCountedLateIsJudgedByWhenItArrived() {
    SimState state = new SimState();
    long t0 = 1_000_000 * MS;
    // four calls arrived at 0..300 ms; one that arrived at 1,250 ms is counted first (it slept
    // less), then one that arrived at 1,050 ms: both lie in windows holding at most the limit
    for (int i = 0; i < 4; i++) {
      assertThat(state.tryAcquireThroughput("pn", 4, t0 + i * 100 * MS)).isTrue();
    }
    assertThat(state.tryAcquireThroughput("pn", 4, t0 + 1_250 * MS)).isTrue();
    assertThat(state.tryAcquireThroughput("pn", 4, t0 + 1_050 * MS)).isTrue();
    // but one that arrived at 350 ms, counted now, would make five in [0, 1 s)
    assertThat(state.tryAcquireThroughput("pn", 4, t0 + 350 * MS)).isFalse();
  }

  @Test
  void numbersAreCountedApart() {
    SimState state = new SimState();
    long t0 = 1_000_000 * MS;
    assertThat(state.tryAcquireThroughput("a", 1, t0)).isTrue();
    assertThat(state.tryAcquireThroughput("a", 1, t0 + 10 * MS)).isFalse();
    assertThat(state.tryAcquireThroughput("b", 1, t0 + 10 * MS)).isTrue();
  }
}
