package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void everyItemIsFlushedOnceBeforeItsSubmitReturnsAndManyShareAFlush() throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> commit =
        new GroupCommit<>(
            items -> {
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              stored.addAll(items);
              batches.add(items.size());
            });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Boolean>> done = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
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
    assertThat(stored).hasSize(400).doesNotHaveDuplicates();
    assertThat(batches.size()).as("fewer flushes than items").isLessThan(400);
  }

  @Test
  void withSeveralFlushesAtOnceEveryItemIsStoredOnceBeforeItsSubmitReturnsAndNoMoreRunTogether()
      throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger running =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    GroupCommit<Integer> commit =
        new GroupCommit<>(
            items -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              stored.addAll(items);
              running.decrementAndGet();
            },
            3);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<Boolean>> done = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
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
    assertThat(stored).hasSize(2000).doesNotHaveDuplicates();
    assertThat(most.get()).as("flushes at once").isBetween(2, 3);
  }

  @Test
  void aSecondFlushStartsOnlyForABacklogSoFlushesStayLarge() throws Exception {
    List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger running =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    GroupCommit<Integer> commit =
        new GroupCommit<>(
            items -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              stored.addAll(items);
              batches.add(items.size());
              running.decrementAndGet();
            },
            3,
            1_000);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Boolean>> done = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
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
    assertThat(stored).hasSize(400).doesNotHaveDuplicates();
    assertThat(most.get()).as("no second flush below the backlog").isEqualTo(1);
    assertThat(batches.size()).as("fewer flushes than items").isLessThan(200);
  }

  @Test
  void aLoneItemIsFlushedAtOnce() {
    List<String> stored = new ArrayList<>();
    new GroupCommit<String>(stored::addAll).submit("one");
    assertThat(stored).containsExactly("one");
  }
}
