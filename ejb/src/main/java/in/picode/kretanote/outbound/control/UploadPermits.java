package in.picode.kretanote.outbound.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many files this server uploads to Meta at once, in all ({@code
 * kretanote.outbound.uploads-per-server}) and for one tenant ({@code
 * kretanote.outbound.uploads-per-tenant}). Uploads stream from the request's temporary file, so
 * memory is not what runs out; threads, disk reads and the line to Meta are, and one business must
 * not take them all. A file over a cap is refused at once in words rather than queued: the agent
 * sends it again a moment later. The counts live in this server's memory on purpose: the cap
 * protects this server, it is not a platform-wide quota.
 */
@ApplicationScoped
public class UploadPermits {

  @Inject
  @ConfigProperty(name = "kretanote.outbound.uploads-per-server", defaultValue = "4")
  int perServer;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.uploads-per-tenant", defaultValue = "2")
  int perTenant;

  private Semaphore server;
  private final Map<Long, Integer> byTenant = new ConcurrentHashMap<>();

  public UploadPermits() {}

  /** For tests outside a container. */
  public UploadPermits(int perServer, int perTenant) {
    this.perServer = perServer;
    this.perTenant = perTenant;
    start();
  }

  @PostConstruct
  void start() {
    server = new Semaphore(Math.max(1, perServer));
  }

  /** One upload's permit, or why there is none; close a granted permit when the upload ends. */
  public interface Permit extends AutoCloseable {
    /** Null when granted, else the reason in words. */
    String refusal();

    @Override
    void close();
  }

  public Permit take(long tenantId) {
    boolean[] mine = {false};
    byTenant.compute(
        tenantId,
        (t, n) -> {
          int now = n == null ? 0 : n;
          if (now >= perTenant) {
            return n;
          }
          mine[0] = true;
          return now + 1;
        });
    if (!mine[0]) {
      return refused(
          "your team is already sending " + perTenant + " files at once, the most this allows");
    }
    if (!server.tryAcquire()) {
      release(tenantId);
      return refused("KretaNote is busy sending other files");
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return new Permit() {
      @Override
      public String refusal() {
        return null;
      }

      @Override
      public void close() {
        if (open.compareAndSet(true, false)) {
          server.release();
          release(tenantId);
        }
      }
    };
  }

  /** Uploads under way on this server, for tests and diagnostics. */
  public int inUse() {
    return Math.max(1, perServer) - server.availablePermits();
  }

  private void release(long tenantId) {
    byTenant.computeIfPresent(tenantId, (t, n) -> n <= 1 ? null : n - 1);
  }

  private static Permit refused(String reason) {
    return new Permit() {
      @Override
      public String refusal() {
        return reason;
      }

      @Override
      public void close() {}
    };
  }
}
