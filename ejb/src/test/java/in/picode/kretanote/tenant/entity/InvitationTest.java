package in.picode.kretanote.tenant.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationTest {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  static final Instant EXPIRY = NOW.plus(Duration.ofDays(7));

  static Invitation invitation() {
    return new Invitation(" New@Example.com", Role.AGENT, new byte[32], 1L, NOW, EXPIRY);
  }

  @Test
  void pendingUntilItExpires() {
    Invitation i = invitation();
    assertThat(i.getEmail()).isEqualTo("new@example.com");
    assertThat(i.status(NOW)).isEqualTo(Invitation.Status.PENDING);
    assertThat(i.status(EXPIRY.minusNanos(1000))).isEqualTo(Invitation.Status.PENDING);
    assertThat(i.status(EXPIRY)).isEqualTo(Invitation.Status.EXPIRED);
    assertThatThrownBy(() -> i.accept(5L, EXPIRY)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptedOnceAndNeverRevokedAfterwards() {
    Invitation i = invitation();
    i.accept(5L, NOW);
    assertThat(i.status(NOW)).isEqualTo(Invitation.Status.ACCEPTED);
    assertThat(i.getAcceptedUserId()).isEqualTo(5L);
    assertThatThrownBy(() -> i.accept(6L, NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> i.revoke(NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(i.getAcceptedUserId()).isEqualTo(5L);
  }

  @Test
  void aRevokedInvitationCannotBeAccepted() {
    Invitation i = invitation();
    i.revoke(NOW);
    assertThat(i.status(NOW)).isEqualTo(Invitation.Status.REVOKED);
    assertThatThrownBy(() -> i.accept(5L, NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nobodyIsInvitedToRunThePlatformOrWithAnExpiryInThePast() {
    assertThatThrownBy(
            () -> new Invitation("a@example.com", Role.OPERATOR, new byte[32], 1L, NOW, EXPIRY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Invitation("a@example.com", Role.AGENT, new byte[32], 1L, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
