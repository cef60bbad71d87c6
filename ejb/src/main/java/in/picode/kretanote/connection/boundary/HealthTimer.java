package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.platform.boundary.BackgroundJobs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the WhatsApp health checks every minute; each connection is probed when its own interval
 * ({@code kretanote.health.interval}) has passed. Non-persistent: every server runs the schedule,
 * and the claim in the database ({@link HealthChecks}) decides who probes what. A run still busy
 * when the next minute comes is not doubled on this server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HealthTimer {

  private static final System.Logger LOG = System.getLogger(HealthTimer.class.getName());

  @Inject HealthChecks checks;

  @Inject BackgroundJobs jobs;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", persistent = false, info = "whatsapp-health-checks")
  void everyMinute() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      int probed = jobs.run("whatsapp-health-checks", Duration.ofMinutes(1), checks::runDue);
      if (probed > 0) {
        LOG.log(Level.DEBUG, "Probed {0} WhatsApp connection(s)", probed);
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "WhatsApp health checks failed this minute: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }
}
