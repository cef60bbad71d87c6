package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.BackgroundJobs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the retention purge and the account purge every 10 minutes. Non-persistent: the work is
 * claimed in the database (leases on {@code retention_setting} and {@code account_deletion}), so
 * every server may run the schedule and none does a tenant twice; a run still going when the next
 * one fires on this server is not doubled. {@code kretanote.retention.timer.enabled=false} stops it
 * on a server (tests drive the purges with their own clock).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PrivacyTimer {

  private static final System.Logger LOG = System.getLogger(PrivacyTimer.class.getName());

  @Inject RetentionPurge retention;

  @Inject BackgroundJobs jobs;

  @Inject AccountPurge accounts;

  @Inject
  @ConfigProperty(name = "kretanote.retention.timer.enabled", defaultValue = "true")
  boolean enabled;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*/10", persistent = false, info = "retention-and-account-purge")
  void every10Minutes() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant now = Instant.now();
      jobs.run(
          "privacy-purge",
          Duration.ofMinutes(10),
          () -> {
            accounts.runDue(now);
            retention.runDue(now);
            return null;
          });
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Retention or account purge failed this round: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }
}
