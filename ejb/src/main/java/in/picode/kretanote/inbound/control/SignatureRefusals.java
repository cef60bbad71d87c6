package in.picode.kretanote.inbound.control;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts webhook POSTs refused for their signature, and those accepted only with the previous app
 * secret, and tells the log at most once per interval. A flood of forged requests must not flood
 * the log, yet the operator must learn that it happens (and that a secret rotation is unfinished).
 * Counters are totals since start; the log line gives the increase since the last line.
 */
public final class SignatureRefusals {

  private static final System.Logger LOG = System.getLogger(SignatureRefusals.class.getName());

  private final Map<WebhookSignature.Verdict, AtomicLong> totals =
      new EnumMap<>(WebhookSignature.Verdict.class);
  private final Map<WebhookSignature.Verdict, Long> logged =
      new EnumMap<>(WebhookSignature.Verdict.class);
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong nextLogAt;

  public SignatureRefusals(Duration interval, LongSupplier nanoTime) {
    for (WebhookSignature.Verdict v : WebhookSignature.Verdict.values()) {
      totals.put(v, new AtomicLong());
      logged.put(v, 0L);
    }
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.nextLogAt = new AtomicLong(nanoTime.getAsLong());
  }

  /** Counts {@code verdict} (VALID is not) and writes the summary line when one is due. */
  public void record(WebhookSignature.Verdict verdict) {
    if (verdict == WebhookSignature.Verdict.VALID) {
      return;
    }
    totals.get(verdict).incrementAndGet();
    long now = nanoTime.getAsLong();
    long due = nextLogAt.get();
    if (now - due >= 0 && nextLogAt.compareAndSet(due, now + intervalNanos)) {
      log();
    }
  }

  private synchronized void log() {
    StringBuilder refusedText = new StringBuilder();
    long refused = 0;
    long previous = 0;
    for (WebhookSignature.Verdict v : WebhookSignature.Verdict.values()) {
      long total = totals.get(v).get();
      long increase = total - logged.put(v, total);
      if (v == WebhookSignature.Verdict.VALID_WITH_PREVIOUS_SECRET) {
        previous = increase;
      } else if (!v.isValid() && increase > 0) {
        refused += increase;
        refusedText
            .append(refusedText.length() == 0 ? "" : ", ")
            .append(v)
            .append('=')
            .append(increase);
      }
    }
    if (refused > 0) {
      LOG.log(
          Level.WARNING,
          "Refused {0} webhook POST(s) with a missing or wrong X-Hub-Signature-256 ({1});"
              + " nothing of them was stored",
          refused,
          refusedText);
    }
    if (previous > 0) {
      LOG.log(
          Level.WARNING,
          "{0} webhook POST(s) were signed with the previous Meta app secret: finish the rotation"
              + " before removing kretanote.meta.app-secret-previous",
          previous);
    }
  }

  public long total(WebhookSignature.Verdict verdict) {
    return totals.get(verdict).get();
  }

  public long totalRefused() {
    return totals.entrySet().stream()
        .filter(e -> !e.getKey().isValid())
        .mapToLong(e -> e.getValue().get())
        .sum();
  }
}
