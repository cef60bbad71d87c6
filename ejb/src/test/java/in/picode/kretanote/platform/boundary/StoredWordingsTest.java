package in.picode.kretanote.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.connection.boundary.ConnectionWords;
import in.picode.kretanote.connection.boundary.HealthWords;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wordings kept in a row read back as they were said: dates, numbers and nested wordings. */
class StoredWordingsTest {

  @Test
  void severalSentencesWithADateReadBackAsTheSameEnglish() {
    List<Wording> said =
        List.of(
            ConnectionWords.STEP_SUBSCRIBE_APP.with(),
            HealthWords.TOKEN_EXPIRES_ON.with(Instant.parse("2030-03-05T10:00:00Z")));

    List<Wording> read = StoredWordings.readAll(StoredWordings.jsonAll(said, 1000));

    assertThat(Wording.english(read)).isEqualTo(Wording.english(said));
    assertThat(read.get(1).args()).containsExactly(Instant.parse("2030-03-05T10:00:00Z"));
    assertThat(read.get(1).english()).isEqualTo("It expires on 5 Mar 2030.");
  }

  @Test
  void aSentenceWithoutACodeOrTooLongIsNotKeptAndNothingReadsAsNothing() {
    assertThat(StoredWordings.jsonAll(List.of(Wording.unworded("Meta said no")), 1000)).isNull();
    assertThat(
            StoredWordings.jsonAll(List.of(HealthWords.TOKEN_EXPIRES_ON.with(Instant.EPOCH)), 20))
        .isNull();
    assertThat(StoredWordings.readAll(null)).isEmpty();
    assertThat(StoredWordings.readAll("not json")).isEmpty();
  }
}
