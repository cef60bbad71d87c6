package in.picode.kretanote.crypto.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealedStreamsTest {

  static final int S = SealedStreams.SEGMENT_BYTES;
  final EnvelopeCipher cipher = new EnvelopeCipher();
  final SealedStreams streams = new SealedStreams(cipher);
  final byte[] dataKey = cipher.newDataKey();

  byte[] seal(long tenant, String purpose, byte[] plain) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out =
        streams.encrypting(sink, key -> cipher.encrypt(dataKey, tenant, 1, purpose, key))) {
      // Odd-sized writes cross segment boundaries in every possible way.
      int off = 0;
      int step = 1;
      while (off < plain.length) {
        int n = Math.min(step, plain.length - off);
        out.write(plain, off, n);
        off += n;
        step = step * 3 + 1;
      }
    }
    return sink.toByteArray();
  }

  byte[] open(long tenant, String purpose, byte[] sealed) throws IOException {
    try (InputStream in =
        streams.decrypting(
            new ByteArrayInputStream(sealed),
            wrapped -> cipher.decrypt(dataKey, tenant, 1, purpose, wrapped))) {
      return in.readAllBytes();
    }
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, S - 1, S, S + 1, 3 * S, 3 * S + 17})
  void roundTripsEverySizeAndHidesThePlaintext(int size) throws IOException {
    byte[] plain = random(size);
    byte[] sealed = seal(5, "media:1", plain);
    assertThat(open(5, "media:1", sealed)).isEqualTo(plain);
    assertThat(sealed.length)
        .isEqualTo(SealedStreams.sealedLength(size, EnvelopeCipher.OVERHEAD + 32));
    if (size >= 64) {
      assertThat(indexOf(sealed, Arrays.copyOfRange(plain, 0, 32))).isNegative();
    }
  }

  @Test
  void aFlippedBitAnywhereFails() throws IOException {
    byte[] sealed = seal(5, "media:1", random(2 * S + 5));
    for (int at : new int[] {10, 200, S + 100, sealed.length - 1}) {
      byte[] bad = sealed.clone();
      bad[at] ^= 1;
      assertThatThrownBy(() -> open(5, "media:1", bad))
          .isInstanceOf(TamperedCiphertextException.class);
    }
  }

  @Test
  void truncationAtASegmentBoundaryOrInsideFails() throws IOException {
    byte[] plain = random(2 * S + 5);
    byte[] sealed = seal(5, "media:1", plain);
    int header = sealed.length - (plain.length + 3 * 16);
    for (int keep :
        new int[] {header + S + 16, header + 2 * (S + 16), sealed.length - 1, header + 3, 5}) {
      byte[] cut = Arrays.copyOf(sealed, keep);
      assertThatThrownBy(() -> open(5, "media:1", cut))
          .as("cut to %d bytes", keep)
          .isInstanceOf(TamperedCiphertextException.class);
    }
  }

  @Test
  void anotherTenantOrPurposeCannotOpenIt() throws IOException {
    byte[] sealed = seal(5, "media:1", random(100));
    assertThatThrownBy(() -> open(6, "media:1", sealed))
        .isInstanceOf(TamperedCiphertextException.class);
    assertThatThrownBy(() -> open(5, "media:2", sealed))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void garbageIsRefusedWithoutReadingOn() {
    assertThatThrownBy(() -> open(5, "media:1", "not a sealed stream".getBytes()))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("does not start like");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
