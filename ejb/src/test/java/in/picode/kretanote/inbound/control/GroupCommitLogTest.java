package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitLogTest {

  static final GroupCommitLog.Limits LIMITS =
      new GroupCommitLog.Limits(1000, 1 << 20, 200, 1 << 20, Duration.ofSeconds(10));

  /** A writer that records batches and can be held at the first one. */
  static final class Store implements GroupCommitLog.BatchWriter {
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release;
    volatile String failOn;

    Store(boolean hold) {
      release = new CountDownLatch(hold ? 1 : 0);
    }

    @Override
    public void write(List<GroupCommitLog.Pending> batch) throws Exception {
      entered.countDown();
      release.await(10, TimeUnit.SECONDS);
      List<String> bodies =
          batch.stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
      if (failOn != null && bodies.contains(failOn)) {
        throw new SQLException("Connection refused");
      }
      batches.add(bodies);
    }
  }

  GroupCommitLog log;
  final AtomicInteger committedRows = new AtomicInteger();

  GroupCommitLog start(Store store, GroupCommitLog.Limits limits) {
    log =
        new GroupCommitLog(store, committedRows::addAndGet, Thread::new, limits, Clock.systemUTC());
    return log;
  }

  @AfterEach
  void stop() {
    if (log != null) {
      log.close(Duration.ofSeconds(5));
    }
  }

  static byte[] body(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void requestsThatArriveDuringACommitShareTheNextOne() throws Exception {
    Store store = new Store(true);
    start(store, LIMITS);
    CompletableFuture<Void> first = log.append(body("first"));
    assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      waiting.add(log.append(body("r" + i)));
    }
    Thread.sleep(50);
    assertThat(first).as("not acknowledged before its commit returns").isNotDone();
    assertThat(waiting).noneMatch(CompletableFuture::isDone);

    store.release.countDown();
    CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(first).isCompleted();
    assertThat(store.batches).hasSize(2);
    assertThat(store.batches.get(0)).containsExactly("first");
    assertThat(store.batches.get(1)).hasSize(50).startsWith("r0").endsWith("r49");
    // The writer acknowledges a batch's requests before it calls the after-commit hook.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (committedRows.get() < 51 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(committedRows.get()).isEqualTo(51);
    assertThat(log.stats().batches()).isEqualTo(2);
  }

  @Test
  void aFailedCommitFailsEveryRequestOfItsBatchAndNoOther() throws Exception {
    Store store = new Store(true);
    start(store, LIMITS);
    CompletableFuture<Void> first = log.append(body("first"));
    store.entered.await(5, TimeUnit.SECONDS);
    store.failOn = "bad";
    CompletableFuture<Void> a = log.append(body("a"));
    CompletableFuture<Void> bad = log.append(body("bad"));
    CompletableFuture<Void> c = log.append(body("c"));
    store.release.countDown();
    first.get(5, TimeUnit.SECONDS);
    for (CompletableFuture<Void> f : List.of(a, bad, c)) {
      assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              LogUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(LogUnavailableException.Reason.STORE_FAILED));
    }
    store.failOn = null;
    log.append(body("after")).get(5, TimeUnit.SECONDS);
    assertThat(store.batches).containsExactly(List.of("first"), List.of("after"));
    assertThat(log.stats().failedBatches()).isEqualTo(1);
  }

  @Test
  void aFullQueueRefusesAtOnce() throws Exception {
    Store store = new Store(true);
    start(store, new GroupCommitLog.Limits(2, 1 << 20, 200, 1 << 20, Duration.ofSeconds(10)));
    log.append(body("in the writer"));
    store.entered.await(5, TimeUnit.SECONDS);
    log.append(body("queued 1"));
    log.append(body("queued 2"));
    assertThatThrownBy(() -> log.append(body("one too many")))
        .isInstanceOfSatisfying(
            LogUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(LogUnavailableException.Reason.QUEUE_FULL));
    assertThat(log.stats().refused()).isEqualTo(1);
    store.release.countDown();
  }

  @Test
  void theQueueIsBoundedInBytesToo() throws Exception {
    Store store = new Store(true);
    start(store, new GroupCommitLog.Limits(1000, 100, 200, 1 << 20, Duration.ofSeconds(10)));
    log.append(body("x"));
    store.entered.await(5, TimeUnit.SECONDS);
    log.append(new byte[60]);
    assertThatThrownBy(() -> log.append(new byte[60])).isInstanceOf(LogUnavailableException.class);
    log.append(new byte[30]);
    store.release.countDown();
  }

  @Test
  void batchesRespectTheRowAndByteLimits() throws Exception {
    Store store = new Store(true);
    start(store, new GroupCommitLog.Limits(1000, 1 << 20, 3, 10, Duration.ofSeconds(10)));
    log.append(body("hold"));
    store.entered.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (String s : List.of("a", "b", "c", "d", "eeeeeeee", "ffffffff", "g")) {
      all.add(log.append(body(s)));
    }
    store.release.countDown();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(store.batches)
        .containsExactly(
            List.of("hold"),
            List.of("a", "b", "c"),
            List.of("d", "eeeeeeee"),
            List.of("ffffffff", "g"));
  }

  @Test
  void aRequestThatWaitedPastTheTimeoutIsNotWritten() throws Exception {
    Store store = new Store(true);
    start(store, new GroupCommitLog.Limits(1000, 1 << 20, 200, 1 << 20, Duration.ofMillis(50)));
    log.append(body("hold"));
    store.entered.await(5, TimeUnit.SECONDS);
    CompletableFuture<Void> late = log.append(body("late"));
    Thread.sleep(150);
    store.release.countDown();
    assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            LogUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(LogUnavailableException.Reason.TIMEOUT));
    assertThat(store.batches).containsExactly(List.of("hold"));
  }

  @Test
  void closingWritesWhatIsQueuedAndRefusesTheRest() throws Exception {
    Store store = new Store(true);
    start(store, LIMITS);
    CompletableFuture<Void> first = log.append(body("first"));
    store.entered.await(5, TimeUnit.SECONDS);
    CompletableFuture<Void> queued = log.append(body("queued"));
    Thread closer = new Thread(() -> log.close(Duration.ofSeconds(5)));
    closer.start();
    Thread.sleep(50);
    assertThatThrownBy(() -> log.append(body("too late")))
        .isInstanceOfSatisfying(
            LogUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(LogUnavailableException.Reason.STOPPING));
    store.release.countDown();
    closer.join();
    first.get(1, TimeUnit.SECONDS);
    queued.get(1, TimeUnit.SECONDS);
    assertThat(store.batches).containsExactly(List.of("first"), List.of("queued"));
  }

  @Test
  void theDedupeKeyIsTheSha256OfTheExactBytes() throws Exception {
    List<byte[]> keys = Collections.synchronizedList(new ArrayList<>());
    log =
        new GroupCommitLog(
            batch -> batch.forEach(p -> keys.add(p.sha256())),
            rows -> {},
            Thread::new,
            LIMITS,
            Clock.systemUTC());
    log.append(body("{\"a\":1}")).get(5, TimeUnit.SECONDS);
    log.append(body("{\"a\":1}")).get(5, TimeUnit.SECONDS);
    log.append(body("{\"a\": 1}")).get(5, TimeUnit.SECONDS);
    assertThat(keys.get(0)).isEqualTo(keys.get(1)).isNotEqualTo(keys.get(2));
    assertThat(java.util.HexFormat.of().formatHex(keys.get(0)))
        .isEqualTo("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
  }
}
