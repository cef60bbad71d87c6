package in.picode.kretanote.sla.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Every hour counts: the SLA calendar until business hours exist. */
@ApplicationScoped
public class AroundTheClock implements SlaCalendar {

  @Override
  public Instant due(long tenantId, Instant start, Duration working) {
    return start.plus(working);
  }

  @Override
  public Duration between(long tenantId, Instant from, Instant to) {
    return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
  }
}
