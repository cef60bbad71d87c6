package in.picode.kretanote.platform.control;

import in.picode.kretanote.platform.boundary.JobStatus;
import in.picode.kretanote.platform.boundary.JobStatus.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this server's background jobs (timers and workers) did last: when a round started and ended,
 * whether it failed and how often in a row. Health and the operator page read it to say which job
 * is stuck (a round running far longer than its interval allows) or failing (several rounds in a
 * row ended in an error). Per server by nature: each server runs its own timers.
 */
public final class JobBoard {

  static final int FAILING_AFTER = 3;
  private static final Duration MIN_GRACE = Duration.ofMinutes(2);

  private final Clock clock;
  private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

  public JobBoard(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /** A job this server runs every {@code interval}. Registering again changes nothing. */
  public void register(String job, Duration interval) {
    jobs.computeIfAbsent(job, j -> new Entry(interval, clock.instant()));
  }

  /** A round begins; returns a token to pass to {@link #finished} or {@link #failed}. */
  public Round started(String job, Duration interval) {
    register(job, interval);
    Entry e = jobs.get(job);
    Instant now = clock.instant();
    synchronized (e) {
      e.lastStart = now;
      e.running++;
    }
    return new Round(job, now);
  }

  public void finished(Round round) {
    Entry e = jobs.get(round.job());
    synchronized (e) {
      e.running = Math.max(0, e.running - 1);
      e.lastSuccess = clock.instant();
      e.consecutiveFailures = 0;
    }
  }

  /** The round ended in an error; only the error's class and message are kept (no stack). */
  public void failed(Round round, Throwable error) {
    Entry e = jobs.get(round.job());
    synchronized (e) {
      e.running = Math.max(0, e.running - 1);
      e.consecutiveFailures++;
      e.lastError = describe(error);
    }
  }

  /** A started round, for {@link #finished} or {@link #failed}. */
  public record Round(String job, Instant startedAt) {}

  public List<JobStatus> statuses() {
    Instant now = clock.instant();
    List<JobStatus> out = new ArrayList<>();
    jobs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              Entry e = entry.getValue();
              synchronized (e) {
                out.add(
                    new JobStatus(
                        entry.getKey(),
                        e.interval,
                        verdict(e, now),
                        e.lastStart,
                        e.lastSuccess,
                        e.consecutiveFailures,
                        e.lastError));
              }
            });
    return out;
  }

  /** Longest a round may run, or the timer may stay silent: 5 intervals, at least 2 minutes. */
  static Duration stuckAfter(Duration interval) {
    Duration five = interval.multipliedBy(5);
    return five.compareTo(MIN_GRACE) < 0 ? MIN_GRACE : five;
  }

  private static Verdict verdict(Entry e, Instant now) {
    Duration limit = stuckAfter(e.interval);
    if (e.running > 0 && e.lastStart != null && e.lastStart.plus(limit).isBefore(now)) {
      return Verdict.STUCK;
    }
    if (e.consecutiveFailures >= FAILING_AFTER) {
      return Verdict.FAILING;
    }
    Instant lastSign = e.lastStart != null ? e.lastStart : e.registeredAt;
    if (e.running == 0 && lastSign.plus(limit).isBefore(now)) {
      return Verdict.SILENT;
    }
    return e.lastSuccess == null ? Verdict.STARTING : Verdict.OK;
  }

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    String text = root.getClass().getSimpleName() + message;
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static final class Entry {
    final Duration interval;
    final Instant registeredAt;
    Instant lastStart;
    Instant lastSuccess;
    int running;
    int consecutiveFailures;
    String lastError;

    Entry(Duration interval, Instant registeredAt) {
      this.interval = interval;
      this.registeredAt = registeredAt;
    }
  }
}
