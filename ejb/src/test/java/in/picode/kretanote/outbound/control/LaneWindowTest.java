package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaneWindowTest {

  record R(String recipient, boolean campaign, String name) implements LaneWindow.Row {}

  static R reply(String to, String name) {
    return new R(to, false, name);
  }

  static R bulk(String to, String name) {
    return new R(to, true, name);
  }

  LaneWindow<R> window(int max) {
    return new LaneWindow<>(r -> r, max);
  }

  @Test
  void repliesGoBeforeCampaignSendsClaimedEarlier() {
    LaneWindow<R> w = window(100);
    w.add(List.of(bulk("a", "c1"), bulk("b", "c2"), reply("x", "r1")));
    assertThat(w.take(10, 80)).extracting(R::name).containsExactly("r1", "c1", "c2");
  }

  @Test
  void oneCustomersMessagesAreNeverInFlightTogetherAndKeepTheirOrder() {
    LaneWindow<R> w = window(100);
    R first = bulk("a", "a1");
    w.add(List.of(first, bulk("a", "a2"), bulk("b", "b1"), bulk("a", "a3")));
    assertThat(w.take(10, 80)).extracting(R::name).containsExactly("a1", "b1");
    assertThat(w.take(10, 80)).as("a2 waits for a1").isEmpty();
    w.end(first, 120);
    assertThat(w.take(10, 80)).extracting(R::name).containsExactly("a2");
    assertThat(w.waitingBulk()).isEqualTo(1);
  }

  @Test
  void callsInFlightFollowRateTimesLatencyWithinTheBound() {
    LaneWindow<R> w = window(300);
    R probe = bulk("p", "p");
    w.add(List.of(probe));
    w.take(1, 80);
    w.end(probe, 250);
    // 80/s for 250 ms: 20 calls waiting for Meta, a third and half a call more, and a block of
    // 200 ms of slots (16) waiting for its slots.
    assertThat(w.allowed(80)).isEqualTo(44);
    assertThat(w.allowed(1)).as("one call at a time when calls end before the next slot").isOne();
    assertThat(w.allowed(1000)).as("the bound").isEqualTo(300);
    for (int i = 0; i < 50; i++) {
      w.add(List.of(bulk("c" + i, "m" + i)));
    }
    assertThat(w.take(100, 80)).hasSize(44);
    assertThat(w.inFlight()).isEqualTo(44);
    assertThat(w.take(100, 80)).as("no room left").isEmpty();
    assertThat(w.waitingBulk()).isEqualTo(6);
  }

  @Test
  void droppedRowsFreeTheirCustomerAndDrainGivesBackWhatWaits() {
    LaneWindow<R> w = window(10);
    R a1 = reply("a", "a1");
    w.add(List.of(a1, reply("a", "a2"), bulk("b", "b1")));
    assertThat(w.take(1, 80)).containsExactly(a1);
    w.dropped(a1);
    assertThat(w.inFlight()).isZero();
    assertThat(w.drain()).extracting(R::name).containsExactly("a2", "b1");
    assertThat(w.awaitIdle(10)).isTrue();
    assertThatThrownBy(() -> window(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noMoreThanTheRateStartWithinASecondEvenWhenThreadsWakeLate() {
    LaneWindow<R> w = window(10);
    long first = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      w.awaitStart(3);
    }
    long fourth = System.nanoTime() - first;
    assertThat(fourth)
        .as("the fourth start waits for the first to be a window old")
        .isGreaterThanOrEqualTo(
            LaneWindow.WINDOW - java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(5));
  }
}
