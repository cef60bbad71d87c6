package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTextsTest {

  @Test
  void theInboxShowsWhatTheCustomerSaw() {
    assertThat(MessageTexts.text(new MessageContent.Text("Hallo 👋"))).contains("Hallo 👋");
    assertThat(
            MessageTexts.text(
                new MessageContent.Media(
                    "1",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(""),
                    Optional.of("menu.pdf"))))
        .contains("menu.pdf");
    assertThat(MessageTexts.text(new MessageContent.Reaction("wamid.X", ""))).isEmpty();
    assertThat(MessageTexts.text(new MessageContent.ContactCards(2, List.of("Ana", "Bo"))))
        .contains("Ana, Bo");
    assertThat(MessageTexts.text(new MessageContent.Opaque())).isEmpty();
  }

  @Test
  void aTimestampFromTheFutureIsNotBelieved() {
    Instant received = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(MessageTexts.writtenAt(received.minusSeconds(30), received))
        .isEqualTo(received.minusSeconds(30));
    assertThat(MessageTexts.writtenAt(received.plusSeconds(60), received))
        .as("small clock differences are fine")
        .isEqualTo(received.plusSeconds(60));
    assertThat(MessageTexts.writtenAt(Instant.parse("2099-01-01T00:00:00Z"), received))
        .as("would keep the 24-hour window open for decades")
        .isEqualTo(received);
  }
}
