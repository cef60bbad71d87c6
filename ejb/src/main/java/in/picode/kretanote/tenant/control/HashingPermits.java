package in.picode.kretanote.tenant.control;

import in.picode.kretanote.tenant.boundary.HashingBusyException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how many PBKDF2 computations run at once on this server (each is about a quarter second of
 * one core). {@code kretanote.security.hashing.concurrency} permits (default: the number of cores)
 * are shared by every hash; hashes for new accounts (sign-up, join), which anonymous clients can
 * ask for in bulk, may hold at most half of them, so a sign-up flood always leaves cores for people
 * signing in. A request that gets no permit within {@code kretanote.security.hashing.wait} is
 * refused ({@link HashingBusyException}) instead of queueing without end. Per server by nature: it
 * protects this JVM's cores, the database counters in {@code RequestLimits} are the limit across
 * servers.
 */
@ApplicationScoped
public class HashingPermits {

  @Inject
  @ConfigProperty(name = "kretanote.security.hashing.concurrency", defaultValue = "0")
  int configured;

  @Inject
  @ConfigProperty(name = "kretanote.security.hashing.wait", defaultValue = "PT2S")
  Duration wait;

  private Semaphore all;
  private Semaphore newAccounts;

  @PostConstruct
  void init() {
    int permits = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    all = new Semaphore(permits, true);
    newAccounts = new Semaphore(Math.max(1, permits / 2), true);
  }

  /** Runs {@code hash} holding a permit; for a new account also one of the new-account share. */
  public <T> T run(boolean newAccount, java.util.function.Supplier<T> hash) {
    long deadline = System.nanoTime() + wait.toNanos();
    if (newAccount && !acquire(newAccounts, deadline)) {
      throw new HashingBusyException();
    }
    try {
      if (!acquire(all, deadline)) {
        throw new HashingBusyException();
      }
      try {
        return hash.get();
      } finally {
        all.release();
      }
    } finally {
      if (newAccount) {
        newAccounts.release();
      }
    }
  }

  private static boolean acquire(Semaphore s, long deadline) {
    try {
      return s.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
