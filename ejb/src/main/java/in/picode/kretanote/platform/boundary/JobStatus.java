package in.picode.kretanote.platform.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * One background job of this server as {@link BackgroundJobs} reports it: the verdict and what it
 * rests on (see {@code platform.control.JobBoard} for the thresholds).
 */
public record JobStatus(
    String job,
    Duration interval,
    Verdict verdict,
    Instant lastStart,
    Instant lastSuccess,
    int consecutiveFailures,
    String lastError) {

  /** How a job looks right now. */
  public enum Verdict {
    /** Registered, no round finished yet, still within its first intervals. */
    STARTING,
    OK,
    /** A round has been running far longer than its interval allows. */
    STUCK,
    /** The last few rounds in a row failed. */
    FAILING,
    /** No round started for far longer than its interval (the timer stopped firing). */
    SILENT
  }

  public boolean healthy() {
    return verdict == Verdict.OK || verdict == Verdict.STARTING;
  }
}
