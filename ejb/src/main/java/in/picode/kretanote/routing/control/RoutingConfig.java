package in.picode.kretanote.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long an agent's dashboard may stay silent before the agent counts as Offline (the header
 * tells the server every minute that it is open).
 */
@ApplicationScoped
public class RoutingConfig {

  @Inject
  @ConfigProperty(name = "kretanote.routing.idle-minutes", defaultValue = "15")
  int idleMinutes;

  public Duration idle() {
    return Duration.ofMinutes(Math.max(1, idleMinutes));
  }
}
