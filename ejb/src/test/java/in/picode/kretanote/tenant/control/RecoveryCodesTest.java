package in.picode.kretanote.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

  @Test
  void tenDistinctCodesStoredOnlyAsHashes() {
    List<String> codes = RecoveryCodes.generate();
    assertThat(codes).hasSize(RecoveryCodes.COUNT);
    assertThat(new HashSet<>(codes)).hasSize(RecoveryCodes.COUNT);
    assertThat(codes).allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
    String stored = RecoveryCodes.hashes(codes);
    codes.forEach(c -> assertThat(stored).doesNotContain(c));
    assertThat(RecoveryCodes.remaining(stored)).isEqualTo(10);
  }

  @Test
  void eachCodeWorksOnceWhateverItsCaseOrDash() {
    List<String> codes = RecoveryCodes.generate();
    String stored = RecoveryCodes.hashes(codes);
    String typed = codes.get(3).toUpperCase().replace("-", " ");
    String after = RecoveryCodes.consume(stored, typed).orElseThrow();
    assertThat(RecoveryCodes.remaining(after)).isEqualTo(9);
    assertThat(RecoveryCodes.consume(after, codes.get(3))).isEmpty();
    assertThat(RecoveryCodes.consume(after, codes.get(4))).isPresent();
  }

  @Test
  void wrongOrEmptyCodesConsumeNothing() {
    String stored = RecoveryCodes.hashes(RecoveryCodes.generate());
    assertThat(RecoveryCodes.consume(stored, "aaaaa-aaaaa")).isEmpty();
    assertThat(RecoveryCodes.consume(stored, null)).isEmpty();
    assertThat(RecoveryCodes.consume("", "aaaaa-aaaaa")).isEmpty();
    String last = RecoveryCodes.hashes(List.of("abcde-fghjk"));
    assertThat(RecoveryCodes.consume(last, "abcde-fghjk")).hasValue("");
    assertThat(RecoveryCodes.remaining("")).isZero();
  }
}
