package in.picode.kretanote.notification.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.notification.boundary.NotificationWords;
import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.platform.view.Wordings;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bell shows a notification's title in the reader's language, from its kind and the values kept
 * with it; a notification stored before titles had codes keeps its English title.
 */
class BellTitlesTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void aMentionAndAnSlaWarningReadInTheReadersLanguage() {
    AgentNotification mention =
        new AgentNotification(
            7,
            AgentNotification.Kind.MENTIONED,
            42L,
            "Ana Lima mentioned you in conversation #42",
            List.of("42", "Ana Lima"),
            "Ana Lima wrote in a private note: …",
            "mention:1",
            NOW);
    assertThat(Wordings.of(NotificationWords.title(mention), Locale.forLanguageTag("es")))
        .isEqualTo("Ana Lima te mencionó en la conversación #42");
    assertThat(NotificationWords.title(mention).english()).isEqualTo(mention.getTitle());

    AgentNotification sla =
        new AgentNotification(
            7,
            AgentNotification.Kind.SLA_WARNING,
            42L,
            "SLA: conversation #42 needs a response soon",
            List.of("42", "response"),
            "The response is due at 10:30 UTC.",
            "sla:42:1",
            NOW);
    assertThat(Wordings.of(NotificationWords.title(sla), Locale.forLanguageTag("ar")))
        .isEqualTo("SLA: المحادثة #42 تحتاج قريبًا إلى رد");
    assertThat(NotificationWords.title(sla).english()).isEqualTo(sla.getTitle());
  }

  @Test
  void aNotificationFromBeforeKeepsItsStoredTitle() {
    AgentNotification old =
        new AgentNotification(
            7,
            AgentNotification.Kind.ASSIGNED,
            42L,
            "Conversation #42 was assigned to you",
            "A conversation was assigned to you.",
            "assigned:42:1",
            NOW);
    assertThat(old.getTitleArgs()).isEmpty();
    assertThat(Wordings.of(NotificationWords.title(old), Locale.forLanguageTag("es")))
        .isEqualTo("Conversation #42 was assigned to you");
  }
}
