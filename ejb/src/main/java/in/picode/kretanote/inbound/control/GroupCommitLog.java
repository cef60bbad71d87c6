package in.picode.kretanote.inbound.control;

import in.picode.kretanote.inbound.boundary.WriterStats;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes webhook bodies durable with one database commit for many requests (group commit). A commit
 * with its fsync costs about as much for one row as for two hundred (FACTS.md: ~4,200 rows/s one at
 * a time, ~69,000 in batches of 200), so requests do not commit themselves: each one enqueues its
 * body with a future and waits, and a single writer thread takes whatever has queued up while the
 * previous commit ran, writes it in one transaction and then completes every future of the batch. A
 * request is acknowledged only when its own row is committed.
 *
 * <p>No artificial delay: under light load a batch is one row and costs one commit, under heavy
 * load the batches grow by themselves. One writer means batches never race each other for the same
 * keys (concurrent batched upserts deadlock, FACTS.md).
 *
 * <p>Failure is all or nothing per batch: if the transaction fails, every request in it fails (the
 * endpoint answers 503 and Meta delivers again), and nothing of the batch is left behind. When the
 * commit itself is lost in transit the rows may exist although the requests failed; Meta's
 * redelivery then finds the same body and only counts one more delivery.
 *
 * <p>Back-pressure: the queue is bounded in entries and in bytes; a request that does not fit is
 * refused at once rather than waiting. A request that waited longer than the acknowledgement
 * timeout is not written at all (its caller has been told to retry).
 */
public final class GroupCommitLog implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(GroupCommitLog.class.getName());

  /** Writes one batch in one transaction, or throws and leaves nothing behind. */
  @FunctionalInterface
  public interface BatchWriter {
    void write(List<Pending> batch) throws Exception;
  }

  /** Called after each committed batch, on the writer thread; for waking the applier. */
  @FunctionalInterface
  public interface AfterCommit {
    void committed(int rows);
  }

  /** One webhook body waiting to be written. */
  public record Pending(
      byte[] body,
      byte[] sha256,
      Instant receivedAt,
      long enqueuedNanos,
      CompletableFuture<Void> stored) {}

  public record Limits(
      int queueCapacity,
      long queueMaxBytes,
      int batchMaxRows,
      long batchMaxBytes,
      Duration ackTimeout) {
    public Limits {
      if (queueCapacity < 1 || queueMaxBytes < 1 || batchMaxRows < 1 || batchMaxBytes < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
      Objects.requireNonNull(ackTimeout, "ackTimeout");
    }
  }

  private final BatchWriter writer;
  private final AfterCommit afterCommit;
  private final Limits limits;
  private final Clock clock;
  private final BlockingQueue<Pending> queue;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final Thread thread;
  private volatile boolean accepting = true;
  private volatile boolean running = true;

  public GroupCommitLog(
      BatchWriter writer,
      AfterCommit afterCommit,
      ThreadFactory threads,
      Limits limits,
      Clock clock) {
    this.writer = Objects.requireNonNull(writer);
    this.afterCommit = Objects.requireNonNull(afterCommit);
    this.limits = Objects.requireNonNull(limits);
    this.clock = Objects.requireNonNull(clock);
    this.queue = new LinkedBlockingQueue<>(limits.queueCapacity());
    this.thread = threads.newThread(this::run);
    this.thread.setName("kretanote-webhook-writer");
    this.thread.start();
  }

  /**
   * Queues {@code body}; the future completes when its row is committed, exceptionally with {@link
   * LogUnavailableException} when it cannot be.
   *
   * @throws LogUnavailableException at once when the log is full or stopping
   */
  public CompletableFuture<Void> append(byte[] body) throws LogUnavailableException {
    if (!accepting) {
      refused.incrementAndGet();
      throw new LogUnavailableException(LogUnavailableException.Reason.STOPPING);
    }
    long size = body.length;
    if (queuedBytes.addAndGet(size) > limits.queueMaxBytes()) {
      queuedBytes.addAndGet(-size);
      refused.incrementAndGet();
      throw new LogUnavailableException(LogUnavailableException.Reason.QUEUE_FULL);
    }
    Pending pending =
        new Pending(
            body, sha256(body), clock.instant(), System.nanoTime(), new CompletableFuture<>());
    if (!queue.offer(pending)) {
      queuedBytes.addAndGet(-size);
      refused.incrementAndGet();
      throw new LogUnavailableException(LogUnavailableException.Reason.QUEUE_FULL);
    }
    return pending.stored();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(limits.batchMaxRows());
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        collect(first, batch);
        writeBatch(batch);
      } catch (InterruptedException e) {
        // Stopping: the loop drains what is queued, then ends.
        running = false;
      } catch (RuntimeException | Error e) {
        LOG.log(Level.ERROR, "Webhook writer failed unexpectedly; it goes on", e);
        fail(batch, new LogUnavailableException(LogUnavailableException.Reason.STORE_FAILED));
      } finally {
        batch.clear();
      }
    }
    fail(drain(), new LogUnavailableException(LogUnavailableException.Reason.STOPPING));
  }

  private void collect(Pending first, List<Pending> batch) {
    long bytes = 0;
    long deadline = System.nanoTime() - limits.ackTimeout().toNanos();
    Pending next = first;
    while (next != null) {
      queuedBytes.addAndGet(-next.body().length);
      if (next.enqueuedNanos() - deadline < 0) {
        timedOut.incrementAndGet();
        next.stored()
            .completeExceptionally(
                new LogUnavailableException(LogUnavailableException.Reason.TIMEOUT));
      } else {
        batch.add(next);
        bytes += next.body().length;
      }
      Pending peek = queue.peek();
      if (peek == null
          || batch.size() >= limits.batchMaxRows()
          || (!batch.isEmpty() && bytes + peek.body().length > limits.batchMaxBytes())) {
        return;
      }
      next = queue.poll();
    }
  }

  private void writeBatch(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      writer.write(batch);
    } catch (Exception e) {
      failedBatches.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "Could not store {0} webhook(s), answering 503 so that Meta delivers them again: {1}",
          batch.size(),
          e.toString());
      fail(batch, new LogUnavailableException(LogUnavailableException.Reason.STORE_FAILED, e));
      return;
    }
    batches.incrementAndGet();
    rows.addAndGet(batch.size());
    for (Pending p : batch) {
      p.stored().complete(null);
    }
    try {
      afterCommit.committed(batch.size());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "After-commit hook failed: {0}", e.toString());
    }
  }

  private static void fail(List<Pending> pendings, LogUnavailableException cause) {
    for (Pending p : pendings) {
      p.stored().completeExceptionally(cause);
    }
  }

  private List<Pending> drain() {
    List<Pending> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.forEach(p -> queuedBytes.addAndGet(-p.body().length));
    return rest;
  }

  public WriterStats stats() {
    return new WriterStats(
        batches.get(), rows.get(), failedBatches.get(), refused.get(), timedOut.get());
  }

  public int queued() {
    return queue.size();
  }

  /**
   * Stops accepting, writes what is queued (waiting at most {@code grace}) and fails whatever is
   * left, so no caller waits forever.
   */
  public void close(Duration grace) {
    accepting = false;
    running = false;
    try {
      thread.join(grace.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fail(drain(), new LogUnavailableException(LogUnavailableException.Reason.STOPPING));
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  public static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
