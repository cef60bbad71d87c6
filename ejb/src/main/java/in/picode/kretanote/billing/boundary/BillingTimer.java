package in.picode.kretanote.billing.boundary;

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
 * Runs the billing cycle every minute (invoices at period end, payment retries, suspensions).
 * Non-persistent: every server runs it, and the row locks in {@link BillingCycle} decide who does
 * what. A run still busy when the next minute comes is not doubled on this server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BillingTimer {

  private static final System.Logger LOG = System.getLogger(BillingTimer.class.getName());

  @Inject BillingRun run;

  @Inject BackgroundJobs jobs;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", persistent = false, info = "billing-cycle")
  void everyMinute() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      jobs.run(
          "billing-cycle",
          Duration.ofMinutes(1),
          () -> {
            run.runDue();
            return null;
          });
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Billing run failed this minute: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }
}
