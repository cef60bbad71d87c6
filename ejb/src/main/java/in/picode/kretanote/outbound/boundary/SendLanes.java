package in.picode.kretanote.outbound.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's sending lanes: at most one running lane per number (its loop on a managed thread of
 * its own), and the bounded pool of managed threads that make the numbers' calls to Meta. A lane
 * ends when its number has nothing due or its time is up; the sender's next round starts it again.
 * Nothing here is needed across servers: the database claims and the shared {@code send_pace} row
 * decide who sends what and when.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendLanes {

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.max-calls", defaultValue = "1000")
  int maxCalls;

  private final ConcurrentHashMap<OutboxClaims.NumberKey, Future<Integer>> running =
      new ConcurrentHashMap<>();
  private ThreadPoolExecutor calls;
  private ThreadPoolExecutor lanes;

  @PostConstruct
  void createPools() {
    calls =
        new ThreadPoolExecutor(
            maxCalls, maxCalls, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    calls.allowCoreThreadTimeOut(true);
    lanes =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  @PreDestroy
  void shutDownPools() {
    lanes.shutdownNow();
    calls.shutdownNow();
  }

  /**
   * The pool that makes the calls to Meta (at most {@code kretanote.outbound.max-calls} at once).
   */
  public Executor calls() {
    return calls;
  }

  /** Starts the number's lane unless one runs on this server; null when one runs. */
  public Future<Integer> start(OutboxClaims.NumberKey number, Callable<Integer> lane) {
    FutureTask<Integer> task =
        new FutureTask<>(
            () -> {
              try {
                return lane.call();
              } finally {
                running.remove(number);
              }
            });
    if (running.putIfAbsent(number, task) != null) {
      return null;
    }
    try {
      lanes.execute(task);
    } catch (RuntimeException e) {
      running.remove(number);
      throw e;
    }
    return task;
  }

  /** The lanes running on this server now. */
  public int runningLanes() {
    return running.size();
  }
}
