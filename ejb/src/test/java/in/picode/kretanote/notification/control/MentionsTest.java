package in.picode.kretanote.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionsTest {

  static final List<Mentions.Member> TEAM =
      List.of(
          new Mentions.Member(1, "Ana", "ana@example.com"),
          new Mentions.Member(2, "Ana Lopez", "lopez@example.com"),
          new Mentions.Member(3, "Anabel", "anabel@example.com"),
          new Mentions.Member(4, "Bob", "bob@example.com"));

  @Test
  void byNameTheLongestMatchWins() {
    assertThat(Mentions.in("@Ana Lopez please look", TEAM)).containsExactly(2L);
    assertThat(Mentions.in("thanks @ana!", TEAM)).containsExactly(1L);
    assertThat(Mentions.in("@anabel and @BOB", TEAM)).containsExactly(3L, 4L);
  }

  @Test
  void byEmail() {
    assertThat(Mentions.in("cc @bob@example.com.", TEAM)).containsExactly(4L);
  }

  @Test
  void notAMention() {
    assertThat(Mentions.in("write to ana@example.com", TEAM)).isEmpty();
    assertThat(Mentions.in("@Anab is nobody", TEAM)).isEmpty();
    assertThat(Mentions.in("@", TEAM)).isEmpty();
    assertThat(Mentions.in(null, TEAM)).isEmpty();
    assertThat(Mentions.in("no at sign", TEAM)).isEmpty();
  }

  @Test
  void twiceIsOnce() {
    assertThat(Mentions.in("@Bob @bob @bob@example.com", TEAM)).containsExactly(4L);
  }
}
