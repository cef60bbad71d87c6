package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second, on every server: handles queued automation events, each in its own transaction;
 * every {@code no-reply-scan-seconds} it looks for conversations waiting for the team's answer.
 * Non-persistent: the database claims decide who does what.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AutomationTimer {

  private static final System.Logger LOG = System.getLogger(AutomationTimer.class.getName());
  private static final int BATCH = 50;

  @Inject AutomationWork work;
  @Inject RuleRunner runner;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kretanote.automation.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "kretanote.automation.no-reply-scan-seconds", defaultValue = "30")
  int scanSeconds;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger ticks = new AtomicInteger();
  private final String owner = "automation-" + UUID.randomUUID().toString().substring(0, 8);

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "automation")
  void everySecond() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      if (ticks.incrementAndGet() % Math.max(1, scanSeconds) == 0) {
        scanNoReply();
      }
      drainOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Automation round failed: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }

  /** One round of queued events; returns how many were claimed. */
  public int drainOnce() {
    Instant now = Instant.now();
    List<AutomationWork.Claimed> claimed =
        work.claim(BATCH, now, now.plus(Duration.ofMinutes(2)), owner);
    for (AutomationWork.Claimed c : claimed) {
      try {
        Tenancy.runAs(c.tenantId(), () -> runner.handle(c.id()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Automation event {0} failed: {1}", c.id(), e.toString());
      }
    }
    return claimed.size();
  }

  /** Queues no-reply events for every business; returns how many were new. */
  public int scanNoReply() {
    Instant now = Instant.now(clock);
    int queued = 0;
    for (long tenant : work.noReplyTenants()) {
      try {
        queued += Tenancy.callAs(tenant, () -> work.scanNoReply(now));
      } catch (Exception e) {
        LOG.log(Level.WARNING, "No-reply scan of tenant {0} failed: {1}", tenant, e.toString());
      }
    }
    return queued;
  }
}
