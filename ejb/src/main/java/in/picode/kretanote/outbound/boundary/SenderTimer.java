package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.BackgroundJobs;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox every second and reconciles UNKNOWN sends every ten. Non-persistent: every
 * server runs it, and the database claims decide who sends what. A round still busy when the next
 * second comes is not doubled on this server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SenderTimer {

  private static final System.Logger LOG = System.getLogger(SenderTimer.class.getName());

  @Inject OutboxSender sender;
  @Inject OutboxClaims claims;
  @Inject OutboxAttempts attempts;
  @Inject BackgroundJobs jobs;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.sender.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.unknown-settle", defaultValue = "PT15M")
  Duration settle;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger ticks = new AtomicInteger();

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "outbox-sender")
  void everySecond() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      jobs.run(
          "outbox-sender",
          Duration.ofSeconds(1),
          () -> {
            sender.tick();
            if (ticks.incrementAndGet() % 10 == 0) {
              reconcile();
            }
            return null;
          });
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Outbox round failed: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }

  /** UNKNOWN rows of every tenant: adopt a wamid from status webhooks, or give up after settle. */
  public int reconcile() {
    int done = 0;
    Instant now = Instant.now();
    for (long tenant : claims.tenantsWithUnknown()) {
      try {
        done += Tenancy.callAs(tenant, () -> attempts.reconcile(now, settle));
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Reconciling tenant {0} failed: {1}", tenant, e.toString());
      }
    }
    return done;
  }
}
