package in.picode.kretanote.platform.boundary;

import in.picode.kretanote.platform.control.JobBoard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * This server's background jobs, as health and the operator page see them. A job reports each round
 * with {@link #run}; see {@link JobBoard} for what counts as stuck, failing or silent.
 */
@ApplicationScoped
public class BackgroundJobs {

  private final JobBoard board = new JobBoard(Clock.systemUTC());

  /** Runs one round of {@code job}, recording its start, its end and any failure (rethrown). */
  public <T> T run(String job, Duration interval, Callable<T> round) throws Exception {
    JobBoard.Round r = board.started(job, interval);
    try {
      T result = round.call();
      board.finished(r);
      return result;
    } catch (Exception | Error e) {
      board.failed(r, e);
      throw e;
    }
  }

  /** A job that exists on this server but has not run yet (a worker thread, say). */
  public void register(String job, Duration interval) {
    board.register(job, interval);
  }

  public List<JobStatus> statuses() {
    return board.statuses();
  }
}
