package in.picode.kretanote.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class InboxChangeTest {

  static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

  @Test
  void namesEachConversationOnceInOrder() {
    assertThat(new InboxChange(List.of(42L, 7L, 42L, 1_000L), NOW).getConversationIds())
        .isEqualTo("7,42,1000");
  }

  @Test
  void tooManyConversationsMeanAny() {
    List<Long> many = LongStream.range(1_000_000, 1_000_200).boxed().toList();
    assertThat(new InboxChange(many, NOW).getConversationIds()).isEqualTo(InboxChange.ANY);
  }
}
