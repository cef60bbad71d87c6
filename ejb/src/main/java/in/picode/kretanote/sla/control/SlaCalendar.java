package in.picode.kretanote.sla.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours an SLA counts in when a policy counts every hour ({@link AroundTheClock}, 24×7). A
 * policy "in business hours" counts the business's open hours instead (automation's {@code
 * BusinessHoursSettings.afterOpenTime}, see {@code SlaClocks}).
 */
public interface SlaCalendar {

  /** The instant when {@code working} of counted time has passed after {@code start}. */
  Instant due(long tenantId, Instant start, Duration working);

  /** Counted time between {@code from} and {@code to} (zero when {@code to} is not after it). */
  Duration between(long tenantId, Instant from, Instant to);
}
