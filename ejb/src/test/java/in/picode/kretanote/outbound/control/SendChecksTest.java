package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendChecksTest {

  @Test
  void aKeyIsOneToAHundredPrintableCharacters() {
    assertThat(SendChecks.keyProblem("abc-123")).isEmpty();
    assertThat(SendChecks.keyProblem(null)).isPresent();
    assertThat(SendChecks.keyProblem("")).isPresent();
    assertThat(SendChecks.keyProblem("with space")).isPresent();
    assertThat(SendChecks.keyProblem("k".repeat(101))).isPresent();
  }

  @Test
  void theSameRequestHasTheSameHashAndAnotherConversationOrContentAnother() {
    String f = SendChecks.fingerprint(new OutgoingContent.Text("Hi", false), null);
    assertThat(SendChecks.requestHash(1, f)).isEqualTo(SendChecks.requestHash(1, f));
    assertThat(SendChecks.requestHash(2, f)).isNotEqualTo(SendChecks.requestHash(1, f));
    assertThat(SendChecks.fingerprint(new OutgoingContent.Text("Hi", false), 7L)).isNotEqualTo(f);
    byte[] sha = SendChecks.sha256().digest(new byte[] {1, 2});
    assertThat(
            SendChecks.mediaFingerprint(
                OutgoingContent.MediaKind.IMAGE, "image/png", "a.png", null, sha))
        .startsWith("media|IMAGE|image/png|a.png|null|")
        .endsWith(java.util.HexFormat.of().formatHex(sha));
  }

  @Test
  void templateValuesMustFitTheComponents() {
    String components = "[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, see you at {{2}}.\"}]";
    var fits = new OutgoingContent.Template("t", "en_US", List.of(), List.of("Ann", "8"), Map.of());
    var short1 = new OutgoingContent.Template("t", "en_US", List.of(), List.of("Ann"), Map.of());
    assertThat(SendChecks.templateProblem(components, fits)).isEmpty();
    assertThat(SendChecks.templateProblem(components, short1))
        .get()
        .extracting(Refusal::code)
        .isEqualTo(RefusalCode.TEMPLATE_PARAMETERS);
  }
}
