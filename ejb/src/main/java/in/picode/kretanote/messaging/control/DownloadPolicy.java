package in.picode.kretanote.messaging.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to do after a media download failed: try again later (with a delay that doubles with each
 * attempt, with jitter so that many files failing together do not come back together), or give up
 * with a reason a user understands. Failures that another attempt cannot fix (Meta no longer has
 * the file, the file is too large, the number was disconnected) end at once; others end after
 * {@code maxAttempts}.
 */
public record DownloadPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

  public DownloadPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
    Objects.requireNonNull(firstDelay);
    Objects.requireNonNull(maxDelay);
  }

  public enum Failure {
    /** Meta failed, did not answer in time, or the connection broke. */
    TRANSIENT,
    /** Meta's rate limit. */
    THROTTLED,
    /** Meta refused the token: the number may need reconnecting. */
    ACCESS_REFUSED,
    /** The bytes did not match Meta's checksum. */
    CHECKSUM,
    /** The media folder could not be written. */
    STORAGE,
    /** Meta does not know the media id (never existed, or expired after 7 days). */
    GONE,
    /** Larger than the configured limit. */
    TOO_LARGE,
    /** The number is disconnected: no token to ask Meta with. */
    NO_ACCESS,
    /** Meta's link points where the access token must not go (another host, HTTP, a redirect). */
    UNSAFE_LINK
  }

  public sealed interface Decision {
    String error();
  }

  public record Retry(Instant at, String error) implements Decision {}

  public record Fail(String error) implements Decision {}

  /**
   * @param attempts attempts made so far, this one included
   * @param detail what went wrong, for the message (already free of secrets)
   * @param jitter a number in [0, 1)
   */
  public Decision after(Failure failure, String detail, int attempts, Instant now, double jitter) {
    String what = describe(failure, detail);
    switch (failure) {
      case GONE, TOO_LARGE, NO_ACCESS, UNSAFE_LINK -> {
        return new Fail(what);
      }
      default -> {}
    }
    if (attempts >= maxAttempts) {
      return new Fail(
          (failure == Failure.CHECKSUM
                  ? "The file Meta delivered never matched Meta's own checksum"
                  : "Gave up")
              + " after "
              + attempts
              + " attempts. Last problem: "
              + what);
    }
    return new Retry(now.plus(delay(failure, attempts, jitter)), what + " Will try again.");
  }

  Duration delay(Failure failure, int attempts, double jitter) {
    long base = firstDelay.toMillis();
    if (failure == Failure.THROTTLED) {
      base = Math.max(base * 2, 60_000);
    }
    long exp = base << Math.min(Math.max(attempts - 1, 0), 20);
    long capped = Math.min(Math.max(exp, 0), maxDelay.toMillis());
    // +-20 %, never below a second
    long jittered = Math.round(capped * (0.8 + 0.4 * jitter));
    return Duration.ofMillis(Math.max(1_000, jittered));
  }

  static String describe(Failure failure, String detail) {
    String d = detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")";
    return switch (failure) {
      case TRANSIENT -> "Meta could not deliver the file just now" + d + ".";
      case THROTTLED -> "Meta asked KretaNote to slow down" + d + ".";
      case ACCESS_REFUSED ->
          "Meta refused KretaNote's access to this WhatsApp number; it may need to be reconnected"
              + d
              + ".";
      case CHECKSUM -> "The downloaded file did not match Meta's checksum" + d + ".";
      case STORAGE -> "The file could not be stored on the server" + d + ".";
      case GONE ->
          "Meta no longer has this file: the media id is unknown or expired (Meta keeps media for"
              + " 7 days)"
              + d
              + ".";
      case TOO_LARGE -> "The file is larger than the limit for stored media" + d + ".";
      case NO_ACCESS ->
          "The WhatsApp number is disconnected, so KretaNote cannot fetch the file from Meta"
              + d
              + ".";
      case UNSAFE_LINK ->
          "The download link Meta gave is not one KretaNote sends its access token to" + d + ".";
    };
  }
}
