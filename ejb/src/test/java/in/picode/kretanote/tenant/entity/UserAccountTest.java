package in.picode.kretanote.tenant.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The account rules that decide whether a session may go on and whether a sign-in may start. */
class UserAccountTest {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  static UserAccount active(Role role) {
    UserAccount u = new UserAccount(7L, " Ana@Example.COM ", "Ana", "hash", role, NOW);
    u.verifyEmail(NOW);
    return u;
  }

  @Test
  void aSessionEndsWhenTheRoleChangesOrTheUserIsDisabled() {
    UserAccount u = active(Role.AGENT);
    int signedInAt = u.getSessionGeneration();
    assertThat(u.acceptsSession(signedInAt)).isTrue();

    u.changeRole(Role.AGENT);
    assertThat(u.acceptsSession(signedInAt)).as("same role is no change").isTrue();
    u.changeRole(Role.ADMIN);
    assertThat(u.acceptsSession(signedInAt)).isFalse();

    int again = u.getSessionGeneration();
    u.disable();
    assertThat(u.acceptsSession(again)).isFalse();
    u.enable();
    assertThat(u.acceptsSession(again)).as("enabling does not revive old sessions").isFalse();
    assertThat(u.acceptsSession(u.getSessionGeneration())).isTrue();
  }

  @Test
  void aResetClearsTheLockVerifiesTheAddressAndEndsSessions() {
    UserAccount u = new UserAccount(7L, "ana@example.com", "Ana", "old", Role.OWNER, NOW);
    int before = u.getSessionGeneration();
    for (int i = 0; i < 5; i++) {
      u.recordFailure(NOW, 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }
    assertThat(u.isLocked(NOW)).isTrue();

    u.resetPassword("new", NOW);

    assertThat(u.isLocked(NOW)).isFalse();
    assertThat(u.getPasswordHash()).isEqualTo("new");
    assertThat(u.getStatus()).isEqualTo(UserAccount.Status.ACTIVE);
    assertThat(u.getEmailVerifiedAt()).isEqualTo(NOW);
    assertThat(u.acceptsSession(before)).isFalse();
  }

  @Test
  void aResetStartsTheFailureCountAgain() {
    UserAccount u = active(Role.AGENT);
    Duration window = Duration.ofMinutes(15);
    for (int i = 0; i < 4; i++) {
      assertThat(u.recordFailure(NOW, 5, window, window)).isFalse();
    }
    u.resetPassword("new", NOW);
    for (int i = 0; i < 4; i++) {
      assertThat(u.recordFailure(NOW, 5, window, window)).as("failure %d after reset", i).isFalse();
    }
    assertThat(u.isLocked(NOW)).isFalse();
  }

  @Test
  void aStrongerHashAtSignInKeepsSessions() {
    UserAccount u = active(Role.AGENT);
    int generation = u.getSessionGeneration();
    u.changePasswordHash("rehashed");
    u.recordSignIn(NOW);
    assertThat(u.acceptsSession(generation)).isTrue();
  }

  @Test
  void anUnverifiedUserComesBackUnverifiedAfterEnabling() {
    UserAccount u = new UserAccount(7L, "ana@example.com", "Ana", "h", Role.AGENT, NOW);
    u.disable();
    assertThat(u.getStatus()).isEqualTo(UserAccount.Status.DISABLED);
    assertThat(u.acceptsSession(u.getSessionGeneration())).isFalse();
    u.enable();
    assertThat(u.getStatus()).isEqualTo(UserAccount.Status.PENDING_VERIFICATION);
  }

  @Test
  void tenantUsersNeverBecomeOperators() {
    UserAccount u = active(Role.OWNER);
    assertThatThrownBy(() -> u.changeRole(Role.OPERATOR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(u.getRole()).isEqualTo(Role.OWNER);
  }
}
