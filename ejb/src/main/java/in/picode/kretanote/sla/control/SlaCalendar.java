package in.picode.kretanote.sla.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours an SLA counts in. Targets "in business hours" need the business's opening hours, which
 * the automation feature is building; until it provides an implementation, {@link AroundTheClock}
 * (24×7) is the only one, and a policy's business-hours flag counts every hour.
 */
public interface SlaCalendar {

  /** The instant when {@code working} of counted time has passed after {@code start}. */
  Instant due(long tenantId, Instant start, Duration working);

  /** Counted time between {@code from} and {@code to} (zero when {@code to} is not after it). */
  Duration between(long tenantId, Instant from, Instant to);
}
