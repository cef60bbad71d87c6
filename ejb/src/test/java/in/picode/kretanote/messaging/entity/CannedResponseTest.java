package in.picode.kretanote.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CannedResponseTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void aShortcutIsLowercaseLettersDigitsDashAndUnderscoreUpTo32() {
    assertThat(CannedResponse.checkShortcut(" /opening-hours_2 ")).isEqualTo("opening-hours_2");
    assertThat(CannedResponse.checkShortcut("x".repeat(32))).hasSize(32);
    for (String bad : new String[] {"", "/", "Hours", "two words", "x".repeat(33), "ä", "a%"}) {
      assertThatThrownBy(() -> CannedResponse.checkShortcut(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lowercase letters, digits, - and _");
    }
  }

  @Test
  void theBodyIsAWhatsAppTextOfAtMost4096Characters() {
    CannedResponse c = new CannedResponse("thanks", "  Thank you! 🙏  ", 7, NOW);
    assertThat(c.getBody()).isEqualTo("Thank you! 🙏");
    assertThat(c.getCreatedBy()).isEqualTo(7);
    assertThatThrownBy(() -> new CannedResponse("long", "a".repeat(4097), 7, NOW))
        .hasMessageContaining("at most 4,096");
    assertThatThrownBy(() -> new CannedResponse("blank", " \n ", 7, NOW))
        .hasMessage("Write the text of the response.");

    c.change("thank-you", "Thanks a lot", 9, NOW.plusSeconds(60));
    assertThat(c.getShortcut()).isEqualTo("thank-you");
    assertThat(c.getUpdatedBy()).isEqualTo(9);
    assertThat(c.getCreatedBy()).isEqualTo(7);
    assertThat(c.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
  }
}
