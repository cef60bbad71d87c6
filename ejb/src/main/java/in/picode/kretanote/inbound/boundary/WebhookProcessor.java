package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.connection.boundary.Routing;
import in.picode.kretanote.inbound.control.ApplyPacing;
import in.picode.kretanote.inbound.control.EventApplier;
import in.picode.kretanote.inbound.control.EventLog;
import in.picode.kretanote.platform.boundary.BackgroundJobs;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies stored webhook events after they were acknowledged, on one managed worker thread per
 * server. The worker claims events in the database ({@link EventLog#claim}), so any number of
 * servers share the work without applying an event twice at the same time; it is woken by the
 * writer after each commit, and by the sweep every few seconds, which is also what picks up events
 * left behind by a crash or a redeploy (after their lease expired) and events whose apply failed
 * and is due again.
 *
 * <p>{@code kretanote.webhook.apply.enabled=false} keeps a server from applying at all (events are
 * still stored and acknowledged); another server, or this one after a restart, applies them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

  private static final System.Logger LOG = System.getLogger(WebhookProcessor.class.getName());
  static final Duration MAX_RETRY_BACKOFF = Duration.ofMinutes(5);

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @EJB Routing routing;

  @EJB InboundChanges changes;

  @EJB EventRoutes routes;

  @Inject BackgroundJobs jobs;

  /** The name health and the operator page show for this worker. */
  static final String JOB = "webhook-apply";

  @Inject PipelineMetrics metrics;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.batch-size", defaultValue = "100")
  int batchSize;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.lease", defaultValue = "PT5M")
  String lease;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.max-attempts", defaultValue = "10")
  int maxAttempts;

  /**
   * How long the worker lets new events gather once woken. Applying one event per commit would cost
   * the database several transactions per webhook, and their log flushes would queue in front of
   * the acknowledgements' commits; a short gathering keeps both cheap.
   */
  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.gather", defaultValue = "PT0.1S")
  String gather;

  /**
   * Incoming webhooks per second on this server above which applying yields to acknowledging; see
   * {@link ApplyPacing}. 0 turns yielding off.
   */
  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.yield-above", defaultValue = "3000")
  long yieldAbove;

  /** The share of its time the applier keeps while yielding. */
  @Inject
  @ConfigProperty(name = "kretanote.webhook.apply.yield-share", defaultValue = "0.25")
  double yieldShare;

  private final Object signal = new Object();
  private boolean signalled;
  private volatile boolean running;
  private String owner;
  private Duration leaseDuration;
  private long gatherMillis;
  private EventLog log;
  private EventApplier applier;
  private Thread worker;
  private long lastProblemLog;
  private ApplyPacing pacing;

  @PostConstruct
  void start() {
    owner = host() + "/" + UUID.randomUUID();
    leaseDuration = Duration.parse(lease);
    gatherMillis = Duration.parse(gather).toMillis();
    log = new EventLog(dataSource, Runnable::run, Duration.ofSeconds(60));
    applier =
        new EventApplier(
            routing::route,
            routing::routeWaba,
            (tenant, routed, accounts) ->
                Tenancy.runAs(tenant, () -> changes.apply(routed, accounts)),
            routes::record);
    if (!enabled) {
      LOG.log(Level.INFO, "Applying webhook events is disabled on this server");
      return;
    }
    pacing = new ApplyPacing(yieldAbove, yieldShare, metrics::receivedCount, System::nanoTime);
    running = true;
    jobs.register(JOB, Duration.ofSeconds(5));
    worker = threads.newThread(this::work);
    worker.setName("kretanote-webhook-applier");
    worker.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Non-persistent: every server sweeps for itself; the claims keep them apart. */
  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void sweep() {
    wakeUp();
  }

  /** Asks the worker to look for work now. */
  public void wakeUp() {
    synchronized (signal) {
      signalled = true;
      signal.notifyAll();
    }
  }

  private void work() {
    while (running) {
      try {
        // Keep going while there is a backlog, yielding to acknowledgements under a burst.
        while (running) {
          long started = System.nanoTime();
          if (jobs.run(JOB, Duration.ofSeconds(5), this::applyOnce) == 0) {
            break;
          }
          Duration pause = pacing.pauseAfter(System.nanoTime() - started);
          if (!pause.isZero()) {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
          }
        }
        synchronized (signal) {
          if (!signalled) {
            signal.wait(5_000);
          }
          signalled = false;
        }
        if (gatherMillis > 0) {
          Thread.sleep(gatherMillis);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception | Error e) {
        problem(e);
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Claims and applies one batch; returns how many events it claimed. */
  int applyOnce() throws Exception {
    List<EventLog.Claimed> claimed = log.claim(owner, batchSize, leaseDuration);
    if (claimed.isEmpty()) {
      return 0;
    }
    EventApplier.Result result = applier.apply(claimed);
    // The applier has recorded each applied event's tenants (EventRoutes), once per batch.
    log.finish(owner, result.outcomes());
    metrics.outcomes(result.outcomes());
    metrics.applyFailures(result.failures().size());
    for (Map.Entry<Long, String> failure : result.failures().entrySet()) {
      LOG.log(
          Level.WARNING,
          "Webhook event {0} could not be applied, will retry: {1}",
          failure.getKey(),
          failure.getValue());
      log.retryLater(failure.getKey(), owner, failure.getValue(), MAX_RETRY_BACKOFF, maxAttempts);
    }
    return claimed.size();
  }

  /** A database outage shows up here on every loop; say so once a minute, not every second. */
  private void problem(Throwable e) {
    long now = System.nanoTime();
    if (now - lastProblemLog > Duration.ofMinutes(1).toNanos() || lastProblemLog == 0) {
      lastProblemLog = now;
      LOG.log(Level.WARNING, "Applying webhook events paused, retrying: {0}", e.toString());
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
