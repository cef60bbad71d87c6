package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.platform.boundary.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sandbox mode only ({@code kretanote.sandbox=true}, set by the run command): creates the demo
 * plans {@code starter} and {@code growth} where no plan of that code exists, so a newcomer can
 * choose a plan on Settings → Billing and pay with the payment simulator's 4242 card. A plan of
 * that code is never changed (an operator may reprice or retire it). A real installation never gets
 * them; {@code kretanote.sandbox.demo-plans=false} switches them off.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxPlans {

  private static final System.Logger LOG = System.getLogger(SandboxPlans.class.getName());
  static final long RETRY_MILLIS = 30_000;

  @Inject
  @ConfigProperty(name = "kretanote.sandbox", defaultValue = "false")
  boolean sandbox;

  @Inject
  @ConfigProperty(name = "kretanote.sandbox.demo-plans", defaultValue = "true")
  boolean demoPlans;

  @Inject Plans plans;
  @Inject SchemaMigrations migrations;
  @Resource TimerService timers;

  @PostConstruct
  void atStartup() {
    if (!sandbox || !demoPlans) {
      return;
    }
    if (!attempt()) {
      timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("demo-plans", false));
    }
  }

  @Timeout
  void retry(Timer timer) {
    if (attempt()) {
      timer.cancel();
    }
  }

  private boolean attempt() {
    if (!migrations.state().isApplied()) {
      return false;
    }
    try {
      if (plans.find("starter").isEmpty()) {
        plans.create(
            "starter",
            "Starter (demo)",
            new PlanVersion.Prices(
                "EUR", 2900, 29000, 2, 900, 10, 1000, 800, "Shared inbox,Templates,Campaigns"));
        LOG.log(Level.INFO, "Sandbox: created the demo plan 'starter'");
      }
      if (plans.find("growth").isEmpty()) {
        plans.create(
            "growth",
            "Growth (demo)",
            new PlanVersion.Prices(
                "EUR", 9900, 99000, 5, 700, 50, 10000, 600, "Everything in Starter,API,Webhooks"));
        LOG.log(Level.INFO, "Sandbox: created the demo plan 'growth'");
      }
      return true;
    } catch (RuntimeException e) {
      // Another server created them a moment earlier (unique code), or the database is not ready.
      LOG.log(
          Level.WARNING,
          "Sandbox demo plans not created yet ({0}); trying again",
          e.getClass().getSimpleName());
      return false;
    }
  }
}
