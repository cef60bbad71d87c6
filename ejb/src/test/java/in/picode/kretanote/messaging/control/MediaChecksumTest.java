package in.picode.kretanote.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MediaChecksumTest {

  static byte[] sha(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void hexAndBase64AreBothRead() throws Exception {
    byte[] d = sha("photo");
    assertThat(MediaChecksum.contradicts(HexFormat.of().formatHex(d), d)).isFalse();
    assertThat(MediaChecksum.contradicts(HexFormat.of().formatHex(d).toUpperCase(), d)).isFalse();
    assertThat(MediaChecksum.contradicts(Base64.getEncoder().encodeToString(d), d)).isFalse();
    assertThat(MediaChecksum.contradicts(Base64.getUrlEncoder().encodeToString(d), d)).isFalse();
    assertThat(MediaChecksum.contradicts(HexFormat.of().formatHex(d), sha("other"))).isTrue();
    assertThat(MediaChecksum.contradicts(Base64.getEncoder().encodeToString(d), sha("other")))
        .isTrue();
  }

  @Test
  void somethingThatIsNoChecksumContradictsNothing() throws Exception {
    byte[] d = sha("photo");
    assertThat(MediaChecksum.contradicts(null, d)).isFalse();
    assertThat(MediaChecksum.contradicts("", d)).isFalse();
    assertThat(MediaChecksum.contradicts("IMAGE_HASH", d)).isFalse();
    assertThat(MediaChecksum.parse("zz".repeat(32))).isEmpty();
  }
}
