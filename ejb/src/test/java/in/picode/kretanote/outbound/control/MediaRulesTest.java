package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.outbound.control.MediaRules.Accepted;
import in.picode.kretanote.outbound.control.OutgoingContent.MediaKind;
import org.junit.jupiter.api.Test;

class MediaRulesTest {

  static byte[] png(int size) {
    byte[] b = new byte[size];
    b[0] = (byte) 0x89;
    b[1] = 'P';
    b[2] = 'N';
    b[3] = 'G';
    return b;
  }

  @Test
  void theBrowsersTypeWinsWhenMetaTakesItElseTheFileNameDecides() {
    assertThat(MediaRules.classify("a.bin", "image/png"))
        .contains(new Accepted(MediaKind.IMAGE, "image/png"));
    assertThat(MediaRules.classify("Offer.PDF", "application/octet-stream"))
        .contains(new Accepted(MediaKind.DOCUMENT, "application/pdf"));
    assertThat(MediaRules.classify("voice.ogg", "audio/ogg; codecs=opus"))
        .contains(new Accepted(MediaKind.AUDIO, "audio/ogg"));
    assertThat(MediaRules.classify("clip.mp4", null))
        .contains(new Accepted(MediaKind.VIDEO, "video/mp4"));
    assertThat(MediaRules.classify("setup.exe", "application/x-msdownload")).isEmpty();
    assertThat(MediaRules.classify("anim.gif", "image/gif")).isEmpty();
    assertThat(MediaRules.classify(null, null)).isEmpty();
  }

  @Test
  void sizesFollowMetasLimitPerKind() {
    assertThat(MediaRules.problem(MediaKind.IMAGE, "image/png", png(5 << 20))).isEmpty();
    assertThat(MediaRules.problem(MediaKind.IMAGE, "image/png", png((5 << 20) + 1)))
        .hasValueSatisfying(p -> assertThat(p).contains("images of at most 5 MB"));
    assertThat(MediaRules.problem(MediaKind.AUDIO, "audio/mpeg", new byte[(16 << 20) + 1]))
        .hasValueSatisfying(p -> assertThat(p).contains("audio of at most 16 MB"));
    assertThat(MediaRules.problem(MediaKind.DOCUMENT, "application/pdf", new byte[16 << 20]))
        .isEmpty();
    assertThat(MediaRules.problem(MediaKind.VIDEO, "video/mp4", new byte[0]))
        .contains("The file is empty.");
    assertThat(MediaRules.sizeProblem(MediaKind.DOCUMENT, (100L << 20) + 1))
        .contains("documents of at most 100 MB");
  }

  @Test
  void aTypeOfAnotherKindOrAMislabelledImageIsRefused() {
    assertThat(MediaRules.problem(MediaKind.IMAGE, "application/pdf", png(10)))
        .hasValueSatisfying(p -> assertThat(p).startsWith("WhatsApp does not accept"));
    assertThat(MediaRules.problem(MediaKind.AUDIO, "not a type", png(10))).isPresent();
    assertThat(MediaRules.problem(null, "image/png", png(10))).isPresent();
    assertThat(MediaRules.problem(MediaKind.IMAGE, "image/jpeg", png(10)))
        .contains("The file is not a JPEG image.");
    assertThat(MediaRules.problem(MediaKind.IMAGE, "image/png", "hello".getBytes()))
        .contains("The file is not a PNG image.");
  }
}
