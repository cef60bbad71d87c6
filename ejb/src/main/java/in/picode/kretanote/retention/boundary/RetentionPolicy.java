package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.time.Duration;
import java.time.Instant;

/**
 * The allowed retention periods, in days, from configuration: a tenant picks a period between
 * {@code minDays} and {@code maxDays}; without a choice {@code defaultDays} applies. Raw webhook
 * events are kept for at most {@code webhookEventDays}, never longer than the shortest period a
 * tenant may choose, because one event can carry messages of several tenants.
 */
public record RetentionPolicy(int defaultDays, int minDays, int maxDays, int webhookEventDays) {

  public RetentionPolicy {
    if (minDays < 1 || maxDays < minDays || defaultDays < minDays || defaultDays > maxDays) {
      throw new IllegalArgumentException(
          "Retention configuration needs 1 <= min <= default <= max days, got min "
              + minDays
              + ", default "
              + defaultDays
              + ", max "
              + maxDays);
    }
    if (webhookEventDays < 1) {
      throw new IllegalArgumentException("Webhook events must be kept at least 1 day");
    }
  }

  /** The period that applies to a tenant with this stored choice (NULL: the default). */
  public int effectiveDays(Integer stored) {
    if (stored == null) {
      return defaultDays;
    }
    return Math.max(minDays, Math.min(maxDays, stored));
  }

  /** Null when {@code days} is allowed, else the sentence the settings page shows. */
  public Wording refusal(Integer days) {
    if (days == null) {
      return PrivacyWords.PERIOD_MISSING.with();
    }
    if (days < minDays || days > maxDays) {
      return PrivacyWords.PERIOD_RANGE.with(minDays, maxDays, days);
    }
    return null;
  }

  public Instant cutoff(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }

  /** How long raw webhook events are kept: the configured days, capped at the minimum period. */
  public int webhookEventRetentionDays() {
    return Math.min(webhookEventDays, minDays);
  }
}
