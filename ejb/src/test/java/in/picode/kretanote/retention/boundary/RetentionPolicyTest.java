package in.picode.kretanote.retention.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  final RetentionPolicy policy = new RetentionPolicy(180, 30, 730, 30);

  @Test
  void theDefaultAppliesWithoutAChoiceAndAStoredValueIsClampedToTheRange() {
    assertThat(policy.effectiveDays(null)).isEqualTo(180);
    assertThat(policy.effectiveDays(90)).isEqualTo(90);
    assertThat(policy.effectiveDays(5)).as("range narrowed after it was stored").isEqualTo(30);
    assertThat(policy.effectiveDays(5000)).isEqualTo(730);
  }

  @Test
  void periodsOutsideTheRangeAreRefusedWithTheRangeInTheSentence() {
    assertThat(policy.refusal(30)).isNull();
    assertThat(policy.refusal(730)).isNull();
    assertThat(policy.refusal(29).english()).contains("between 30 and 730 days");
    assertThat(policy.refusal(731).english()).contains("731");
    assertThat(policy.refusal(null)).isNotNull();
    assertThat(policy.refusal(-1)).isNotNull();
  }

  @Test
  void the179DayOldMessageIsInsideAnd181IsOutsideTheDefaultPeriod() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    Instant cutoff = policy.cutoff(now, policy.defaultDays());
    assertThat(now.minus(Duration.ofDays(179))).isAfter(cutoff);
    assertThat(now.minus(Duration.ofDays(181))).isBefore(cutoff);
  }

  @Test
  void webhookEventsAreNeverKeptLongerThanTheShortestAllowedPeriod() {
    assertThat(new RetentionPolicy(180, 30, 730, 90).webhookEventRetentionDays()).isEqualTo(30);
    assertThat(new RetentionPolicy(180, 30, 730, 7).webhookEventRetentionDays()).isEqualTo(7);
  }

  @Test
  void anInconsistentConfigurationIsRefused() {
    assertThatThrownBy(() -> new RetentionPolicy(10, 30, 730, 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionPolicy(180, 200, 100, 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionPolicy(180, 0, 730, 30))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
