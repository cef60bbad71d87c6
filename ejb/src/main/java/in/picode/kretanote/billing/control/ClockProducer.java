package in.picode.kretanote.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock billing reads (trial ends, periods, dunning, signature tolerance). Tests replace it
 * with an alternative they can move, instead of sleeping.
 */
@ApplicationScoped
public class ClockProducer {

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
