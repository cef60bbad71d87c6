package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void everyItemIsFlushedOnceBeforeItsSubmitReturnsAndManyShareAFlush() throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> commit =
        new GroupCommit<>(slowFlush(stored, batches, new AtomicInteger(), new AtomicInteger()));
    submitAll(commit, stored, 16, 400);
    assertThat(batches.size()).as("fewer flushes than items").isLessThan(400);
  }

  @Test
  void withSeveralFlushesAtOnceEveryItemIsStoredOnceBeforeItsSubmitReturnsAndNoMoreRunTogether()
      throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger most = new AtomicInteger();
    GroupCommit<Integer> commit =
        new GroupCommit<>(
            slowFlush(
                stored, Collections.synchronizedList(new ArrayList<>()), new AtomicInteger(), most),
            3);
    submitAll(commit, stored, 32, 2000);
    assertThat(most.get()).as("flushes at once").isBetween(2, 3);
  }

  @Test
  void aSecondFlushStartsOnlyForABacklogSoFlushesStayLarge() throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger most = new AtomicInteger();
    GroupCommit<Integer> commit =
        new GroupCommit<>(slowFlush(stored, batches, new AtomicInteger(), most), 3, 1_000);
    submitAll(commit, stored, 16, 400);
    assertThat(most.get()).as("no second flush below the backlog").isEqualTo(1);
    assertThat(batches.size()).as("fewer flushes than items").isLessThan(200);
  }

  @Test
  void aLoneItemIsFlushedAtOnce() {
    List<String> stored = new ArrayList<>();
    new GroupCommit<String>(stored::addAll).submit("one");
    assertThat(stored).containsExactly("one");
  }

  /** Submits {@code items} from {@code threads} threads; each is stored when its submit returns. */
  private static void submitAll(
      GroupCommit<Integer> commit, List<Integer> stored, int threads, int items) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Boolean>> done = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      int n = i;
      done.add(
          pool.submit(
              () -> {
                commit.submit(n);
                return stored.contains(n);
              }));
    }
    for (Future<Boolean> f : done) {
      assertThat(f.get()).as("stored when submit returned").isTrue();
    }
    pool.shutdown();
    assertThat(stored).hasSize(items).doesNotHaveDuplicates();
  }

  /** A flush that takes 5 ms and records its items, its size and how many run at once. */
  private static Consumer<List<Integer>> slowFlush(
      List<Integer> stored, List<Integer> batches, AtomicInteger running, AtomicInteger most) {
    return items -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stored.addAll(items);
      batches.add(items.size());
      running.decrementAndGet();
    };
  }
}
