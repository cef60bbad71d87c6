package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.connection.boundary.AccessTokens;
import in.picode.kretanote.messaging.boundary.MediaDownloads;
import in.picode.kretanote.messaging.boundary.MediaQueued;
import in.picode.kretanote.messaging.control.MediaStore;
import in.picode.kretanote.meta.boundary.AccessToken;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Downloads the files of inbound media messages promptly (Meta's media ids expire after 7 days), on
 * a few managed worker threads per server. Workers are woken right after a transaction that stored
 * media commits ({@link MediaQueued}, observed after success only) and by a sweep every 10 seconds,
 * which also picks up retries that came due and rows a crashed server left behind (after their
 * lease expired). Each worker claims one row at a time in the database ({@link MediaStore#claim}),
 * so servers and workers never download the same row at once. The token is looked up per row under
 * the row's tenant and handed to {@link MediaDownloads}; it is never kept.
 *
 * <p>{@code kretanote.media.download.enabled=false} keeps a server from downloading (rows stay
 * PENDING for another server, or for this one after a restart).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaDownloader {

  private static final System.Logger LOG = System.getLogger(MediaDownloader.class.getName());

  @Resource ManagedThreadFactory threads;

  @EJB MediaDownloads downloads;

  @EJB AccessTokens tokens;

  @Inject BackgroundJobs jobs;

  /** As health and the operator page show it; one download may take a while, hence a minute. */
  static final String JOB = "media-download";

  static final Duration JOB_INTERVAL = Duration.ofMinutes(1);

  @Inject
  @ConfigProperty(name = "kretanote.media.download.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "kretanote.media.workers", defaultValue = "2")
  int workers;

  @Inject
  @ConfigProperty(name = "kretanote.media.lease", defaultValue = "PT10M")
  Duration lease;

  private final Object signal = new Object();
  private long generation;
  private volatile boolean running;
  private String owner;
  private final List<Thread> threadsStarted = new ArrayList<>();
  private volatile long lastProblemLog;

  @PostConstruct
  void start() {
    owner = host() + "/" + UUID.randomUUID();
    if (!enabled) {
      LOG.log(Level.INFO, "Downloading media is disabled on this server");
      return;
    }
    running = true;
    jobs.register(JOB, JOB_INTERVAL);
    for (int i = 0; i < Math.max(1, workers); i++) {
      Thread t = threads.newThread(this::work);
      t.setName("kretanote-media-downloader-" + i);
      threadsStarted.add(t);
      t.start();
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    threadsStarted.forEach(Thread::interrupt);
    for (Thread t : threadsStarted) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Non-persistent: every server sweeps for itself; the claims keep them apart. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void sweep() {
    wakeUp();
  }

  /** Media was stored and committed: look for it now rather than at the next sweep. */
  public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MediaQueued queued) {
    wakeUp();
  }

  public void wakeUp() {
    synchronized (signal) {
      generation++;
      signal.notifyAll();
    }
  }

  private void work() {
    while (running) {
      try {
        long seen;
        synchronized (signal) {
          seen = generation;
        }
        while (running && jobs.run(JOB, JOB_INTERVAL, this::downloadOne)) {
          // Keep going while there is work.
        }
        synchronized (signal) {
          if (generation == seen) {
            signal.wait(10_000);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception | Error e) {
        problem(e);
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Claims and downloads one row; false when nothing was due. */
  boolean downloadOne() throws Exception {
    List<MediaStore.Claim> claimed = downloads.claim(owner, 1, lease);
    if (claimed.isEmpty()) {
      return false;
    }
    for (MediaStore.Claim claim : claimed) {
      Optional<AccessToken> token =
          Tenancy.callAs(claim.tenantId(), () -> tokens.of(claim.connectionId()));
      downloads.download(claim, token, owner);
    }
    return true;
  }

  /** A database outage shows up on every loop; say so once a minute. */
  private void problem(Throwable e) {
    long now = System.nanoTime();
    if (lastProblemLog == 0 || now - lastProblemLog > Duration.ofMinutes(1).toNanos()) {
      lastProblemLog = now;
      LOG.log(Level.WARNING, "Downloading media paused, retrying: {0}", e.toString());
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
