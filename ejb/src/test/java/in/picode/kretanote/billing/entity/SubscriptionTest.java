package in.picode.kretanote.billing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  static final Instant JAN_31 = Instant.parse("2027-01-31T10:00:00Z");

  static PlanVersion plan() {
    return new PlanVersion(
        new Plan("starter", "Starter", JAN_31),
        1,
        new PlanVersion.Prices("EUR", 2900, 29000, 2, 500, 10, 1000, 800, "campaigns"),
        JAN_31);
  }

  @Test
  void recurringChargeCountsExtraSeatsPerMonth() {
    PlanVersion p = plan();
    assertThat(p.recurringMinor(BillingInterval.MONTH, 1)).isEqualTo(2900);
    assertThat(p.recurringMinor(BillingInterval.MONTH, 2)).isEqualTo(2900);
    assertThat(p.recurringMinor(BillingInterval.MONTH, 5)).isEqualTo(2900 + 3 * 500);
    assertThat(p.recurringMinor(BillingInterval.YEAR, 5)).isEqualTo(29000 + 3 * 12 * 500);
  }

  @Test
  void trialThenCalendarMonthsThenDunningAndBack() {
    Instant trialEnd = JAN_31.plusSeconds(14 * 86400);
    Subscription s = new Subscription(plan(), BillingInterval.MONTH, 2, JAN_31, trialEnd);
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.TRIAL);
    assertThat(s.getPeriodEnd()).isEqualTo(trialEnd);
    s.renew();
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(s.getPeriodStart()).isEqualTo(Instant.parse("2027-02-14T10:00:00Z"));
    assertThat(s.getPeriodEnd()).isEqualTo(Instant.parse("2027-03-14T10:00:00Z"));

    Instant failed = Instant.parse("2027-03-14T10:01:00Z");
    s.paymentFailed(failed);
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(s.getPastDueSince()).isEqualTo(failed);
    s.paymentFailed(failed.plusSeconds(86400));
    assertThat(s.getPastDueSince()).as("past due from the first failure").isEqualTo(failed);
    assertThat(s.getFailedAttempts()).isEqualTo(2);
    s.suspend(Instant.parse("2027-03-21T10:01:00Z"));
    assertThat(s.getStatus().maySend()).isFalse();

    Instant paid = Instant.parse("2027-04-02T00:00:00Z");
    s.settled(paid);
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(s.getFailedAttempts()).isZero();
    assertThat(s.getPeriodEnd()).as("the next period starts at payment").isEqualTo(paid);
  }

  @Test
  void monthEndsAreCalendarMonths() {
    assertThat(BillingInterval.MONTH.after(JAN_31))
        .isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
    assertThat(BillingInterval.YEAR.after(Instant.parse("2028-02-29T00:00:00Z")))
        .isEqualTo(Instant.parse("2029-02-28T00:00:00Z"));
  }

  @Test
  void creditIsUsedUpToTheAmountDue() {
    Subscription s = new Subscription(plan(), BillingInterval.MONTH, 1, JAN_31, JAN_31);
    s.addCredit(1167);
    assertThat(s.useCredit(1000)).isEqualTo(1000);
    assertThat(s.useCredit(1000)).isEqualTo(167);
    assertThat(s.getCreditMinor()).isZero();
  }

  @Test
  void seatsAndPricesOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new Subscription(plan(), BillingInterval.MONTH, 0, JAN_31, JAN_31))
        .hasMessage("A subscription needs at least 1 seat.");
    assertThatThrownBy(() -> new Subscription(plan(), BillingInterval.MONTH, 11, JAN_31, JAN_31))
        .hasMessageContaining("allows at most 10 seats");
    assertThatThrownBy(() -> new PlanVersion.Prices("EUR", 1, 1, 5, 0, 4, 0, 0, ""))
        .hasMessageContaining("Maximum seats");
    assertThatThrownBy(
            () -> new PlanVersion.Prices("EUR", PlanVersion.PRICE_MAX + 1, 1, 1, 0, 1, 0, 0, ""))
        .hasMessageContaining("monthly price");
    assertThatThrownBy(() -> new PlanVersion.Prices("eur", 1, 1, 1, 0, 1, 0, 0, ""))
        .hasMessageContaining("three-letter");
    assertThatThrownBy(() -> new Plan("Bad Code", "x", JAN_31)).hasMessageContaining("plan code");
  }

  @Test
  void paymentsOnlyMoveForward() {
    Payment p = new Payment(1, "pi_1", 100, "EUR", JAN_31);
    assertThat(p.advance(Payment.Status.SUCCEEDED, null, JAN_31)).isTrue();
    assertThat(p.advance(Payment.Status.FAILED, "late", JAN_31)).isFalse();
    assertThat(p.getStatus()).isEqualTo(Payment.Status.SUCCEEDED);
  }
}
