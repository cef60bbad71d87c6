package in.picode.kretanote.inbound.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  /** Counts what was read, to prove that an oversized body is not read to its end. */
  static final class Counting extends InputStream {
    final AtomicLong read = new AtomicLong();
    final long size;

    Counting(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return read.getAndIncrement() < size ? 'x' : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long left = size - read.get();
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      read.addAndGet(n);
      return n;
    }
  }

  @Test
  void readsTheExactBytes() throws Exception {
    byte[] body = {'{', (byte) 0xF0, (byte) 0x9F, (byte) 0x91, (byte) 0x8B, '}'};
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), "6", 100)).isEqualTo(body);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), null, 6)).isEqualTo(body);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
    Counting in = new Counting(10_000);
    assertThatThrownBy(() -> BoundedBody.read(in, "10000", 1000))
        .isInstanceOf(BodyTooLargeException.class);
    assertThat(in.read.get()).isZero();
  }

  @Test
  void anUndeclaredBodyIsCutOffJustPastTheLimit() {
    Counting in = new Counting(50L * 1024 * 1024);
    assertThatThrownBy(() -> BoundedBody.read(in, null, 1000))
        .isInstanceOf(BodyTooLargeException.class);
    assertThat(in.read.get()).isLessThan(1000 + 8192 + 1);
  }

  @Test
  void aLyingLengthDoesNotHelp() {
    Counting in = new Counting(5000);
    assertThatThrownBy(() -> BoundedBody.read(in, "10", 1000))
        .isInstanceOf(BodyTooLargeException.class);
  }
}
