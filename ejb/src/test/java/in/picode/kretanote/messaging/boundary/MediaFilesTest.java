package in.picode.kretanote.messaging.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.entity.Media;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaFilesTest {

  static Media media(String mime, String filename) {
    return new Media(1, "1234", mime, null, filename, Instant.now());
  }

  @Test
  void aDocumentKeepsItsNameWhenItIsSafe() {
    assertThat(MediaFiles.filename(media("application/pdf", "Rechnung März 2026.pdf")))
        .isEqualTo("Rechnung März 2026.pdf");
  }

  @Test
  void namesCannotCarryPathsQuotesOrHeaderBreaks() {
    String name = MediaFiles.filename(media("application/pdf", "../../etc/\"passwd\"\r\nX: y"));
    assertThat(name).doesNotContain("/", "\"", "\r", "\n", ":").doesNotStartWith(".");
    assertThat(MediaFiles.filename(media("application/pdf", "x".repeat(200) + ".pdf")))
        .hasSize(120)
        .endsWith(".pdf");
  }

  @Test
  void otherMediaGetANameFromTheirType() {
    assertThat(MediaFiles.filename(media("image/jpeg", null))).endsWith(".jpg");
    assertThat(MediaFiles.filename(media("audio/ogg; codecs=opus", null))).endsWith(".ogg");
    assertThat(MediaFiles.filename(media("application/x-unknown", "..."))).endsWith(".bin");
  }

  @Test
  void theVaultPurposeBindsAFileToItsRow() {
    assertThat(MediaFiles.purpose(42)).isEqualTo("media:42");
  }
}
