package in.picode.kretanote.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReactionTest {

  static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void theLatestReactionWinsWhateverTheArrivalOrder() {
    Reaction r = new Reaction("wamid.T", null, 7, "👍", "wamid.R2", T.plusSeconds(20), T);
    assertThat(r.replaceWith("❤️", "wamid.R1", T.plusSeconds(10), T)).isFalse();
    assertThat(r.getEmoji()).isEqualTo("👍");
    assertThat(r.replaceWith("", "wamid.R3", T.plusSeconds(30), T)).isTrue();
    assertThat(r.getEmoji()).as("removed").isNull();
    assertThat(r.replaceWith("😂", "wamid.R1", T.plusSeconds(10), T)).isFalse();
    assertThat(r.getEmoji()).as("an old reaction does not come back").isNull();
  }
}
