package in.picode.kretanote.routing.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Every minute, each server looks at the businesses whose conversations wait for an agent. */
@Singleton
public class RoutingTimer {

  private static final Logger LOG = System.getLogger(RoutingTimer.class.getName());

  @Inject AssignmentWorker worker;

  @Schedule(hour = "*", minute = "*", persistent = false, info = "routing-waiting-conversations")
  void everyMinute() {
    for (long tenant : worker.tenantsWaiting()) {
      try {
        worker.drain(tenant);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Automatic assignment for tenant {0} failed: {1}", tenant, e);
      }
    }
  }
}
