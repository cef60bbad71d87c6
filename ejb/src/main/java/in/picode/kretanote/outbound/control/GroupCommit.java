package in.picode.kretanote.outbound.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Stores items of many threads in few transactions: {@link #submit} returns once the item was
 * flushed. The first thread to arrive flushes everything that waits, and goes on while more came
 * meanwhile; the others wait for the flush that holds their item. So a number's answers from Meta
 * are stored in one transaction per handful instead of one each, without a timer and without
 * holding an answer back when nothing else arrives. Up to {@code parallel} flushes run at once
 * (each with the items that waited when it began), so one slow transaction does not hold every
 * answer of a fast number behind it; a further flush starts only once {@code backlog} items wait,
 * so a fast flush is not split into many small ones (each transaction costs about as much as the
 * items it stores).
 *
 * @param <T> an item to store
 */
public final class GroupCommit<T> {

  private static final class Batch<T> {
    final List<T> items = new ArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
  }

  private final Consumer<List<T>> flush;
  private final int parallel;
  private final int backlog;
  private Batch<T> open = new Batch<>();
  private int flushing;

  /** {@code flush} stores a batch; it must not throw (its failures are its own to handle). */
  public GroupCommit(Consumer<List<T>> flush) {
    this(flush, 1);
  }

  /** As {@link #GroupCommit(Consumer)}, with up to {@code parallel} flushes at once. */
  public GroupCommit(Consumer<List<T>> flush, int parallel) {
    this(flush, parallel, 1);
  }

  /**
   * As {@link #GroupCommit(Consumer, int)}; while a flush runs, another starts only when at least
   * {@code backlog} items wait.
   */
  public GroupCommit(Consumer<List<T>> flush, int parallel, int backlog) {
    if (parallel < 1 || backlog < 1) {
      throw new IllegalArgumentException("At least one flush at a time, and a backlog of one");
    }
    this.flush = flush;
    this.parallel = parallel;
    this.backlog = backlog;
  }

  /** Adds the item and returns once a flush has stored it. */
  public void submit(T item) {
    Batch<T> mine;
    boolean lead;
    synchronized (this) {
      mine = open;
      mine.items.add(item);
      // A running flush takes every waiting item when it is done; another one starts beside it
      // only for a backlog.
      lead = flushing == 0 || (flushing < parallel && mine.items.size() >= backlog);
      if (lead) {
        flushing++;
      }
    }
    if (lead) {
      while (true) {
        Batch<T> batch;
        synchronized (this) {
          batch = open;
          if (batch.items.isEmpty()) {
            flushing--;
            break;
          }
          open = new Batch<>();
        }
        try {
          flush.accept(batch.items);
        } finally {
          batch.done.countDown();
        }
      }
    }
    // With several flushes at once, another one may have taken this item: wait for it.
    try {
      mine.done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
