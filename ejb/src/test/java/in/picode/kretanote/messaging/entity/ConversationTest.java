package in.picode.kretanote.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

  static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void theWindowFollowsTheCustomersLatestMessageNotTheLatestArrival() {
    Conversation c = new Conversation(1, 2, T);
    c.customerWrote(T.plusSeconds(3600), true, true, T.plusSeconds(3601));
    c.customerWrote(T, true, true, T.plusSeconds(3700));
    assertThat(c.getLastCustomerMessageAt()).isEqualTo(T.plusSeconds(3600));
    assertThat(c.getWindowExpiresAt()).isEqualTo(T.plusSeconds(3600 + 24 * 3600));
    assertThat(c.isWindowOpen(T.plusSeconds(3600 + 24 * 3600 - 1))).isTrue();
    assertThat(c.isWindowOpen(T.plusSeconds(3600 + 24 * 3600))).isFalse();
    assertThat(c.getUnreadCount()).isEqualTo(2);
  }

  @Test
  void aNewMessageReopensAClosedConversation() {
    Conversation c = new Conversation(1, 2, T);
    c.close(T.plusSeconds(10));
    assertThat(c.getStatus()).isEqualTo(Conversation.Status.CLOSED);
    c.customerWrote(T.plusSeconds(20), true, true, T.plusSeconds(21));
    assertThat(c.getStatus()).isEqualTo(Conversation.Status.OPEN);
    assertThat(c.getOpenedAt()).isEqualTo(T.plusSeconds(21));
    assertThat(c.getClosedAt()).isNull();
  }

  @Test
  void noticesFromWhatsAppNeitherOpenTheWindowNorCountAsUnread() {
    Conversation c = new Conversation(1, 2, T);
    c.customerWrote(T.plusSeconds(5), false, false, T.plusSeconds(6));
    assertThat(c.getWindowExpiresAt()).isNull();
    assertThat(c.getUnreadCount()).isZero();
    assertThat(c.getLastActivityAt()).isEqualTo(T.plusSeconds(5));
  }

  @Test
  void aSnoozeHidesAnOpenConversationUntilItsTimeOrTheCustomerWrites() {
    Conversation c = new Conversation(1, 2, T);
    c.snooze(T.plusSeconds(3600), T);
    assertThat(c.isSnoozed(T.plusSeconds(3599))).isTrue();
    assertThat(c.isSnoozed(T.plusSeconds(3600))).as("the time passed: open again").isFalse();
    c.customerWrote(T.plusSeconds(60), false, false, T.plusSeconds(61));
    assertThat(c.isSnoozed(T.plusSeconds(120))).as("a reaction does not wake it").isTrue();
    c.customerWrote(T.plusSeconds(90), true, true, T.plusSeconds(91));
    assertThat(c.getSnoozedUntil()).as("a message wakes it").isNull();
  }

  @Test
  void aSnoozeMustLieInTheFutureAndAClosedConversationCannotBeSnoozed() {
    Conversation c = new Conversation(1, 2, T);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.snooze(T, T))
        .isInstanceOf(IllegalArgumentException.class);
    c.close(T);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.snooze(T.plusSeconds(60), T))
        .isInstanceOf(IllegalStateException.class);
    c.reopen(T.plusSeconds(5));
    assertThat(c.getStatus()).isEqualTo(Conversation.Status.OPEN);
    assertThat(c.getClosedAt()).isNull();
  }

  @Test
  void aSnoozeWithoutATimeAsksForADateNotForTheFuture() {
    Conversation c = new Conversation(1, 2, T);
    // What the date picker hands over when the text typed is not a date.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.snooze(null, T))
        .hasMessageContaining("Choose the date and time")
        .hasMessageNotContaining("future");
  }
}
