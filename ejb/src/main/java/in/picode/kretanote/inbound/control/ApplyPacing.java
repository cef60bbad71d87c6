package in.picode.kretanote.inbound.control;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets acknowledgements go first when webhooks arrive faster than a server can both store and apply
 * them.
 *
 * <p>Meta waits for each acknowledgement and retries what it does not get in time, so a slow
 * acknowledgement costs twice: a retry, and more load. Applying, by contrast, may lag for a while
 * without anyone losing anything (every event is durable before it is acknowledged, and the apply
 * lag is a metric). On a small server the two compete for the same cores, so above a configured
 * rate of incoming webhooks the applier takes only a share of its time: after each batch it pauses
 * for as long as the batch took, times {@code (1 - share) / share}, at most {@link #MAX_PAUSE}. It
 * never stops: the backlog keeps moving during a long burst and drains at full speed once the rate
 * falls below the threshold.
 *
 * <p>The rate is measured over at least {@link #WINDOW} from the count of received webhooks, so a
 * single spike does not throttle and a burst is noticed within about a second.
 */
public final class ApplyPacing {

  static final Duration WINDOW = Duration.ofMillis(500);
  static final Duration MAX_PAUSE = Duration.ofSeconds(1);

  private final long yieldAbovePerSecond;
  private final double share;
  private final LongSupplier received;
  private final LongSupplier nanoTime;
  private long sampledCount;
  private long sampledAt;
  private double ratePerSecond;

  /**
   * @param yieldAbovePerSecond incoming webhooks per second on this server above which applying
   *     yields; 0 or less never yields
   * @param share the share of its time the applier keeps while yielding, in (0, 1]
   * @param received the count of webhooks this server received since it started
   * @param nanoTime the clock
   */
  public ApplyPacing(
      long yieldAbovePerSecond, double share, LongSupplier received, LongSupplier nanoTime) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("The apply share must be in (0, 1], was " + share);
    }
    this.yieldAbovePerSecond = yieldAbovePerSecond;
    this.share = share;
    this.received = received;
    this.nanoTime = nanoTime;
    this.sampledCount = received.getAsLong();
    this.sampledAt = nanoTime.getAsLong();
  }

  /** How long to pause after a batch that took {@code batchNanos}; zero when not yielding. */
  public Duration pauseAfter(long batchNanos) {
    long now = nanoTime.getAsLong();
    long elapsed = now - sampledAt;
    if (elapsed >= WINDOW.toNanos()) {
      long count = received.getAsLong();
      ratePerSecond = (count - sampledCount) * 1e9 / elapsed;
      sampledCount = count;
      sampledAt = now;
    }
    if (yieldAbovePerSecond <= 0 || ratePerSecond < yieldAbovePerSecond || share >= 1) {
      return Duration.ZERO;
    }
    long pause = (long) (Math.max(0, batchNanos) * (1 - share) / share);
    return Duration.ofNanos(Math.min(pause, MAX_PAUSE.toNanos()));
  }

  /** The incoming rate last measured, per second. */
  public double ratePerSecond() {
    return ratePerSecond;
  }
}
