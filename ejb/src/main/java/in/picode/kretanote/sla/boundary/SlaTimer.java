package in.picode.kretanote.sla.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for SLA responses about to be due every minute. Non-persistent: each warning is claimed in
 * the database, so every server may run the schedule. {@code kretanote.sla.timer.enabled=false}
 * stops it on a server (tests call {@link SlaWarnings#warnDue} with their own clock).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SlaTimer {

  private static final System.Logger LOG = System.getLogger(SlaTimer.class.getName());

  @Inject SlaWarnings warnings;

  @Inject
  @ConfigProperty(name = "kretanote.sla.timer.enabled", defaultValue = "true")
  boolean enabled;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", persistent = false, info = "sla-warnings")
  void everyMinute() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      warnings.warnDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "SLA warnings failed this round: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }
}
