package in.picode.kretanote.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the application is deployed and its CDI container answers; a database outage does not
 * make it DOWN, so an orchestrator does not restart a server that would only wait for the database.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("kretanote");
  }
}
