package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.JobStatus.Verdict;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobBoardTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final HandClock clock = new HandClock();
  final JobBoard board = new JobBoard(clock);
  final Duration minute = Duration.ofMinutes(1);

  Verdict verdict() {
    return board.statuses().get(0).verdict();
  }

  @Test
  void aJobThatFinishesItsRoundsIsOk() {
    board.register("health", minute);
    assertThat(verdict()).isEqualTo(Verdict.STARTING);
    for (int i = 0; i < 10; i++) {
      board.finished(board.started("health", minute));
      clock.advance(minute);
    }
    assertThat(verdict()).isEqualTo(Verdict.OK);
    assertThat(board.statuses().get(0).lastSuccess()).isEqualTo(clock.now.minus(minute));
  }

  @Test
  void aRoundRunningFarLongerThanItsIntervalIsStuck() {
    board.started("health", minute);
    clock.advance(Duration.ofMinutes(4));
    assertThat(verdict()).isEqualTo(Verdict.STARTING);
    clock.advance(Duration.ofMinutes(2));
    assertThat(verdict()).isEqualTo(Verdict.STUCK);
  }

  @Test
  void shortIntervalsGetTwoMinutesBeforeStuck() {
    board.started("apply", Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(119));
    assertThat(verdict()).isNotEqualTo(Verdict.STUCK);
    clock.advance(Duration.ofSeconds(2));
    assertThat(verdict()).isEqualTo(Verdict.STUCK);
  }

  @Test
  void threeFailuresInARowAreFailingAndOneSuccessClearsIt() {
    board.finished(board.started("apply", minute));
    for (int i = 0; i < 2; i++) {
      board.failed(board.started("apply", minute), new RuntimeException("x"));
    }
    assertThat(verdict()).isEqualTo(Verdict.OK);
    board.failed(
        board.started("apply", minute),
        new IllegalStateException(
            "wrapped", new SQLTransientConnectionException("Connection refused")));
    var status = board.statuses().get(0);
    assertThat(status.verdict()).isEqualTo(Verdict.FAILING);
    assertThat(status.consecutiveFailures()).isEqualTo(3);
    assertThat(status.lastError()).isEqualTo("SQLTransientConnectionException: Connection refused");
    board.finished(board.started("apply", minute));
    assertThat(verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void aTimerThatStoppedFiringIsSilent() {
    board.finished(board.started("health", minute));
    clock.advance(Duration.ofMinutes(5));
    assertThat(verdict()).isEqualTo(Verdict.OK);
    clock.advance(Duration.ofSeconds(1));
    assertThat(verdict()).isEqualTo(Verdict.SILENT);
    assertThat(board.statuses().get(0).healthy()).isFalse();
  }

  @Test
  void longErrorsAreCut() {
    board.failed(board.started("x", minute), new RuntimeException("e".repeat(1000)));
    assertThat(board.statuses().get(0).lastError()).hasSizeLessThan(320);
  }
}
