package in.picode.kretanote.outbound.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of sending at a number's rate: slots {@link #spacing} apart, taken in turn from
 * the number's shared {@code send_pace} row, so the number never exceeds its rate even with several
 * servers; and back-off with jitter after errors.
 *
 * <p>The spacing is 4 % wider than {@code 1 s / rate}: requests leave at their slot but reach Meta
 * some milliseconds apart, and Meta counts in a sliding second; the margin keeps one slow request
 * followed by a fast one from making rate + 1 in any second. With 2 % (20 ms of arrival jitter
 * tolerated per second) a busy 2-core machine (load average 10 to 30) still had the simulator
 * refuse a few calls with 130429 (3 of 800 in one {@code SendBench} run, and once in {@code
 * OutboundIT}); 4 % tolerates 40 ms, and a number at 80 msg/s runs at ~77 (96 % of its limit, above
 * the 95 % target).
 */
public final class Pacing {

  static final double MARGIN = 1.04;

  private Pacing() {}

  public static Duration spacing(int perSecond) {
    if (perSecond < 1 || perSecond > 1000) {
      throw new IllegalArgumentException("A number sends 1 to 1,000 messages per second");
    }
    return Duration.ofNanos((long) Math.ceil(1_000_000_000L * MARGIN / perSecond));
  }

  /**
   * After a call to Meta that ended at {@code end} for the slot {@code slot}: empty when it ended
   * within the margin (nothing to do), else the earliest time the number's next slot may be so that
   * the call {@code perSecond} slots later still starts a full second after this one ended. A call
   * reaches Meta some time between its start and its end; one that took long may have arrived late,
   * closer to the calls after it, and Meta counts arrivals in a sliding second.
   */
  public static java.util.Optional<Instant> notBefore(Instant slot, Instant end, int perSecond) {
    Duration spacing = spacing(perSecond);
    Duration margin = spacing.multipliedBy(perSecond).minusSeconds(1);
    if (!end.isAfter(slot.plus(margin))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(end.plusSeconds(1).minus(spacing.multipliedBy(perSecond - 1L)));
  }

  /**
   * A number's limit per second: the rate stored for the number ({@code send_pace.per_second}, set
   * by an operator) first, then the configured override (0: none), then Meta's throughput level of
   * the number ({@code HIGH}: {@code high}, up to 1,000/s; anything else: {@code standard}, 80/s).
   */
  public static int perSecond(
      Integer stored, int override, String throughputLevel, int standard, int high) {
    int rate;
    if (stored != null) {
      rate = stored;
    } else if (override > 0) {
      rate = override;
    } else if (throughputLevel != null && throughputLevel.trim().equalsIgnoreCase("HIGH")) {
      rate = high;
    } else {
      rate = standard;
    }
    return Math.max(1, Math.min(1000, rate));
  }

  /**
   * A call may reach Meta late, closer to the calls after it: when it started after its slot (a
   * busy machine) or took longer than the number's calls usually take ({@code typicalMillis}). Then
   * the number's next slot moves so that no later call can start within a second of its estimated
   * arrival (see {@link #notBefore}). Calls of one number take about the same time, so a steady
   * latency shifts every arrival alike and moves nothing: that is what lets several calls of a
   * number be in flight at once.
   */
  public static java.util.Optional<Instant> late(
      Instant slot, Instant started, Instant ended, long typicalMillis, int perSecond) {
    Duration beyond = Duration.between(started, ended).minusMillis(Math.max(0, typicalMillis));
    Instant arrival = beyond.isNegative() ? started : started.plus(beyond);
    return notBefore(slot, arrival, perSecond);
  }

  /** The next slot: not before now, not before the number's next free slot or its pause. */
  public static Instant slot(Instant now, Instant nextFree, Instant pausedUntil) {
    Instant slot = now;
    if (nextFree != null && nextFree.isAfter(slot)) {
      slot = nextFree;
    }
    if (pausedUntil != null && pausedUntil.isAfter(slot)) {
      slot = pausedUntil;
    }
    return slot;
  }

  /**
   * Exponential back-off {@code base * 2^(attempt-1)}, capped at {@code max}, with "equal jitter":
   * half fixed, half random ({@code random} in [0, 1)), so retries of many messages spread out but
   * never come sooner than half the back-off.
   */
  public static Duration backoff(int attempt, Duration base, Duration max, double random) {
    if (attempt < 1) {
      attempt = 1;
    }
    long baseMs = base.toMillis();
    long ms = attempt > 30 ? Long.MAX_VALUE : baseMs << Math.min(attempt - 1, 30);
    if (ms <= 0 || ms > max.toMillis()) {
      ms = max.toMillis();
    }
    double r = Math.min(Math.max(random, 0), 0.999_999);
    return Duration.ofMillis(ms / 2 + (long) (ms / 2.0 * r));
  }
}
