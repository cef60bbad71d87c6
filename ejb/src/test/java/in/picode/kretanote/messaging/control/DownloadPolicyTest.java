package in.picode.kretanote.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.control.DownloadPolicy.Fail;
import in.picode.kretanote.messaging.control.DownloadPolicy.Failure;
import in.picode.kretanote.messaging.control.DownloadPolicy.Retry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DownloadPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final DownloadPolicy policy =
      new DownloadPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(10));

  @ParameterizedTest
  @EnumSource(
      value = Failure.class,
      names = {"GONE", "TOO_LARGE", "NO_ACCESS"})
  void whatNoAttemptCanFixFailsAtOnce(Failure failure) {
    assertThat(policy.after(failure, "x", 1, NOW, 0.5)).isInstanceOf(Fail.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = Failure.class,
      names = {"TRANSIENT", "THROTTLED", "ACCESS_REFUSED", "CHECKSUM", "STORAGE"})
  void otherFailuresAreRetriedUntilTheLastAttempt(Failure failure) {
    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(policy.after(failure, "HTTP 503", attempt, NOW, 0.5))
          .as("attempt %d", attempt)
          .isInstanceOf(Retry.class);
    }
    DownloadPolicy.Decision last = policy.after(failure, "HTTP 503", 5, NOW, 0.5);
    assertThat(last).isInstanceOf(Fail.class);
    assertThat(last.error()).contains("after 5 attempts");
  }

  @Test
  void theDelayDoublesUpToTheCapWithJitter() {
    assertThat(at(1, 0.5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(at(2, 0.5)).isEqualTo(Duration.ofSeconds(60));
    assertThat(at(3, 0.5)).isEqualTo(Duration.ofSeconds(120));
    assertThat(at(4, 0.5)).isEqualTo(Duration.ofMinutes(4));
    assertThat(
            new DownloadPolicy(50, Duration.ofSeconds(30), Duration.ofMinutes(10))
                .delay(Failure.TRANSIENT, 40, 0.5))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(at(1, 0.0)).isEqualTo(Duration.ofSeconds(24));
    assertThat(at(1, 0.999)).isBetween(Duration.ofSeconds(35), Duration.ofSeconds(36));
  }

  @Test
  void throttlingWaitsAtLeastAMinute() {
    assertThat(policy.delay(Failure.THROTTLED, 1, 0.5)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void reasonsAreInPlainWords() {
    assertThat(policy.after(Failure.GONE, "Meta error 100", 1, NOW, 0.5).error())
        .isEqualTo(
            "Meta no longer has this file: the media id is unknown or expired (Meta keeps media"
                + " for 7 days) (Meta error 100).");
    assertThat(policy.after(Failure.CHECKSUM, null, 5, NOW, 0.5).error())
        .startsWith("The file Meta delivered never matched Meta's own checksum after 5 attempts");
    assertThat(policy.after(Failure.TRANSIENT, "HTTP 503", 1, NOW, 0.5).error())
        .isEqualTo("Meta could not deliver the file just now (HTTP 503). Will try again.");
  }

  Duration at(int attempts, double jitter) {
    Retry r = (Retry) policy.after(Failure.TRANSIENT, null, attempts, NOW, jitter);
    return Duration.between(NOW, r.at());
  }
}
