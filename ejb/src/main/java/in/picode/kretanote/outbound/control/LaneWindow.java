package in.picode.kretanote.outbound.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping of one number's sending lane on one server: the claimed rows waiting here in two
 * lanes (conversation replies and single templates before campaign sends), the calls in flight
 * (bounded, sized from the number's rate and the observed latency) and the recipients those calls
 * go to, so one customer's messages are never in flight together and leave in their order.
 * Thread-safe: the lane's loop picks, the finished calls end.
 *
 * @param <T> a claimed row
 */
public final class LaneWindow<T> {

  /** What the window needs to know of a row. */
  public interface Row {
    String recipient();

    boolean campaign();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ended = lock.newCondition();
  private final Deque<T> replies = new ArrayDeque<>();
  private final Deque<T> bulk = new ArrayDeque<>();
  private final Set<String> inFlight = new HashSet<>();
  private final Deque<Long> starts = new ArrayDeque<>();

  /** One second and the margin of {@link Pacing}: no more than the rate starts within it. */
  static final long WINDOW = (long) (TimeUnit.SECONDS.toNanos(1) * Pacing.MARGIN);

  private final java.util.function.Function<T, Row> view;
  private final int maxInFlight;
  private int calls;
  private double latencyMillis = 100;
  private boolean latencySeen;

  public LaneWindow(java.util.function.Function<T, Row> view, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("At least one call in flight");
    }
    this.view = view;
    this.maxInFlight = maxInFlight;
  }

  /** Adds claimed rows in claim order, each to its lane. */
  public void add(List<T> rows) {
    lock.lock();
    try {
      for (T r : rows) {
        (view.apply(r).campaign() ? bulk : replies).addLast(r);
      }
    } finally {
      lock.unlock();
    }
  }

  public int waitingReplies() {
    lock.lock();
    try {
      return replies.size();
    } finally {
      lock.unlock();
    }
  }

  public int waitingBulk() {
    lock.lock();
    try {
      return bulk.size();
    } finally {
      lock.unlock();
    }
  }

  public int inFlight() {
    lock.lock();
    try {
      return calls;
    } finally {
      lock.unlock();
    }
  }

  /** The slots a lane books at once ahead of time (its blocks of at most 200 ms of slots). */
  static final double BLOCK_SECONDS = 0.2;

  /**
   * Calls this number may have in flight: its rate times the observed latency (the calls of one
   * second that are still waiting for Meta), with a third and half a call more, plus one block of
   * slots ({@link #BLOCK_SECONDS} of the rate) that waits for its slots while the next is guarded,
   * at most the bound. Without that block a lane at 80/s and 250 ms ran out of room while its rows
   * waited for their slots and sent 46 to 54/s. A number whose calls end well before its next slot
   * sends one call at a time.
   */
  public int allowed(int perSecond) {
    lock.lock();
    try {
      double seconds = latencyMillis / 1000.0;
      int wanted =
          (int) Math.ceil(perSecond * seconds * 1.33 + 0.5) + (int) (perSecond * BLOCK_SECONDS);
      return Math.max(1, Math.min(maxInFlight, wanted));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes up to {@code max} rows that may go now, replies first, and marks their recipients in
   * flight: a row whose recipient has a call in flight, or an earlier row still waiting here,
   * stays. At most {@code allowed(perSecond) - inFlight} rows.
   */
  public List<T> take(int max, int perSecond) {
    lock.lock();
    try {
      int room = Math.min(max, allowed(perSecond) - calls);
      List<T> picked = new ArrayList<>();
      if (room <= 0) {
        return picked;
      }
      Set<String> blocked = new HashSet<>();
      for (Deque<T> lane : List.of(replies, bulk)) {
        for (Iterator<T> it = lane.iterator(); it.hasNext() && picked.size() < room; ) {
          T r = it.next();
          String to = view.apply(r).recipient();
          if (inFlight.contains(to) || !blocked.add(to)) {
            blocked.add(to);
            continue;
          }
          it.remove();
          inFlight.add(to);
          picked.add(r);
          calls++;
        }
      }
      return picked;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits, when needed, so that no call of this lane starts within {@code 1 s + GAP} of the call
   * {@code perSecond} calls before it: slots are spaced already, but threads that woke late for
   * earlier slots would otherwise start close to the punctual ones after them.
   */
  public void awaitStart(int perSecond) {
    lock.lock();
    try {
      while (true) {
        long now = System.nanoTime();
        while (!starts.isEmpty()
            && (now - starts.peekFirst() >= WINDOW || starts.size() > perSecond)) {
          starts.pollFirst();
        }
        if (starts.size() < perSecond) {
          starts.addLast(now);
          return;
        }
        ended.awaitNanos(starts.peekFirst() + WINDOW - now);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** A picked row that was not sent after all (refused, not ours): its recipient is free again. */
  public void dropped(T row) {
    end(row, -1);
  }

  /** A call ended (its answer is stored) after {@code millis}; -1 when no call was made. */
  public void end(T row, long millis) {
    lock.lock();
    try {
      inFlight.remove(view.apply(row).recipient());
      calls--;
      if (millis >= 0) {
        latencyMillis = latencySeen ? latencyMillis * 0.8 + millis * 0.2 : millis;
        latencySeen = true;
      }
      ended.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code millis} for a call to end. */
  public void awaitEnd(long millis) {
    lock.lock();
    try {
      ended.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no call is in flight, at most {@code millis}; true when none is. */
  public boolean awaitIdle(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    lock.lock();
    try {
      while (calls > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        ended.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return calls == 0;
    } finally {
      lock.unlock();
    }
  }

  /** Empties both lanes and returns what waited, for giving it back. */
  public List<T> drain() {
    lock.lock();
    try {
      List<T> all = new ArrayList<>(replies);
      all.addAll(bulk);
      replies.clear();
      bulk.clear();
      return all;
    } finally {
      lock.unlock();
    }
  }

  public double latencyMillis() {
    lock.lock();
    try {
      return latencyMillis;
    } finally {
      lock.unlock();
    }
  }
}
