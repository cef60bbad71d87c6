package in.picode.kretanote.sandbox.meta;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the simulator reviews a created template: after {@code delay} it is APPROVED, unless its name
 * matches {@code reject} (whole name), then REJECTED with {@code reason} (one of Meta's rejection
 * reasons, e.g. INVALID_FORMAT, ABUSIVE_CONTENT, INCORRECT_CATEGORY, SCAM).
 */
public record TemplateReview(Duration delay, Pattern reject, String reason) {

  public static final String DEFAULT_REASON = "INVALID_FORMAT";

  public TemplateReview {
    Objects.requireNonNull(delay);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the review delay must not be negative");
    }
    reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
  }

  /** From text settings: a delay in milliseconds, a regular expression (blank: reject none). */
  public static TemplateReview of(long delayMillis, String rejectPattern, String reason) {
    return new TemplateReview(
        Duration.ofMillis(delayMillis),
        rejectPattern == null || rejectPattern.isBlank() ? null : Pattern.compile(rejectPattern),
        reason);
  }

  boolean rejects(String templateName) {
    return reject != null && reject.matcher(templateName).matches();
  }
}
