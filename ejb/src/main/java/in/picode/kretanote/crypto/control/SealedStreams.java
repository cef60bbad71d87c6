package in.picode.kretanote.crypto.control;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Encryption of values too large for memory (media files), with the same AES-256-GCM and the same
 * per-tenant data keys as every other value. Each stream gets a fresh random 256-bit stream key;
 * the stream key is encrypted as an ordinary vault value (bound to tenant, purpose and data key
 * version) and written in the header, and the content follows in segments of {@value
 * #SEGMENT_BYTES} bytes, each sealed on its own ({@link EnvelopeCipher#sealSegment}). Reading
 * verifies each segment before releasing a byte of it, so memory stays at one segment whatever the
 * size, and a truncated, reordered or altered file fails instead of yielding wrong content.
 * Crypto-shredding a tenant makes its streams unreadable too, because their stream keys can no
 * longer be decrypted.
 *
 * <pre>
 *   offset  length  content
 *   0       4       "KNS1"
 *   4       2       length w of the encrypted stream key (unsigned, big-endian)
 *   6       w       the stream key as a vault value
 *   6 + w   ...     segments: AES-GCM of up to SEGMENT_BYTES plaintext bytes + 16-byte tag;
 *                   every segment but the last is full; the last may be empty
 * </pre>
 */
public final class SealedStreams {

  public static final int SEGMENT_BYTES = 64 * 1024;
  private static final byte[] MAGIC = "KNS1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_WRAPPED = 1024;

  private final EnvelopeCipher cipher;

  public SealedStreams(EnvelopeCipher cipher) {
    this.cipher = Objects.requireNonNull(cipher);
  }

  /**
   * An output stream that encrypts what is written to it into {@code sink}; {@code close()} writes
   * the last segment and closes the sink. {@code wrapKey} encrypts the stream key as a vault value.
   */
  public OutputStream encrypting(OutputStream sink, UnaryOperator<byte[]> wrapKey)
      throws IOException {
    byte[] key = cipher.newDataKey();
    byte[] wrapped = wrapKey.apply(key.clone());
    if (wrapped.length > MAX_WRAPPED) {
      throw new IllegalStateException("an encrypted stream key cannot be that long");
    }
    byte[] header = header(wrapped);
    sink.write(header);
    return new Writer(sink, key, header);
  }

  /**
   * An input stream of the plaintext of {@code source}; {@code unwrapKey} decrypts the stream key.
   *
   * @throws IOException when the header cannot be read; a tampered stream key fails in {@code
   *     unwrapKey} with its own exception
   */
  public InputStream decrypting(InputStream source, UnaryOperator<byte[]> unwrapKey)
      throws IOException {
    DataInputStream in = new DataInputStream(source);
    byte[] magic = new byte[MAGIC.length];
    try {
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new TamperedCiphertextException(
            "stream cannot be decrypted: it does not start like an encrypted stream");
      }
      int length = in.readUnsignedShort();
      if (length == 0 || length > MAX_WRAPPED) {
        throw new TamperedCiphertextException(
            "stream cannot be decrypted: its key has an impossible length " + length);
      }
      byte[] wrapped = new byte[length];
      in.readFully(wrapped);
      byte[] key = unwrapKey.apply(wrapped);
      return new Reader(source, key, header(wrapped));
    } catch (EOFException e) {
      throw new TamperedCiphertextException("stream cannot be decrypted: its header is truncated");
    }
  }

  /** Bytes an encrypted stream of {@code plaintextBytes} occupies given its wrapped key length. */
  public static long sealedLength(long plaintextBytes, int wrappedKeyBytes) {
    long segments = plaintextBytes == 0 ? 1 : (plaintextBytes + SEGMENT_BYTES - 1) / SEGMENT_BYTES;
    return MAGIC.length + 2 + wrappedKeyBytes + plaintextBytes + segments * 16;
  }

  private static byte[] header(byte[] wrapped) {
    return ByteBuffer.allocate(MAGIC.length + 2 + wrapped.length)
        .put(MAGIC)
        .putShort((short) wrapped.length)
        .put(wrapped)
        .array();
  }

  private final class Writer extends FilterOutputStream {
    private final byte[] key;
    private final byte[] header;
    private final byte[] buffer = new byte[SEGMENT_BYTES];
    private int filled;
    private long index;
    private boolean closed;

    Writer(OutputStream sink, byte[] key, byte[] header) {
      super(sink);
      this.key = key;
      this.header = header;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("the encrypting stream is closed");
      }
      while (len > 0) {
        if (filled == SEGMENT_BYTES) {
          segment(false);
        }
        int n = Math.min(len, SEGMENT_BYTES - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void segment(boolean last) throws IOException {
      out.write(cipher.sealSegment(key, header, index++, last, buffer, 0, filled));
      filled = 0;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        segment(true);
        out.flush();
      } finally {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
        out.close();
      }
    }
  }

  private final class Reader extends InputStream {
    private final InputStream in;
    private final byte[] key;
    private final byte[] header;
    private final byte[] sealed = new byte[SEGMENT_BYTES + EnvelopeCipher.segmentOverhead()];
    private byte[] plain = new byte[0];
    private int position;
    private long index;
    private int lookahead = -1;
    private boolean done;

    Reader(InputStream in, byte[] key, byte[] header) {
      this.in = in;
      this.key = key;
      this.header = header;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      while (position == plain.length) {
        if (done) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, plain.length - position);
      System.arraycopy(plain, position, b, off, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      int n = 0;
      if (lookahead >= 0) {
        sealed[n++] = (byte) lookahead;
      }
      n += in.readNBytes(sealed, n, sealed.length - n);
      if (n < EnvelopeCipher.segmentOverhead()) {
        throw new TamperedCiphertextException(
            "stream cannot be decrypted: it is truncated after segment " + index);
      }
      lookahead = n == sealed.length ? in.read() : -1;
      boolean last = lookahead < 0;
      plain =
          cipher.openSegment(
              key,
              header,
              index,
              last,
              sealed,
              0,
              n,
              "stream cannot be decrypted: segment "
                  + index
                  + " was changed, moved or cut off (or the file belongs to another record)");
      index++;
      position = 0;
      done = last;
    }

    @Override
    public void close() throws IOException {
      Arrays.fill(key, (byte) 0);
      in.close();
    }
  }
}
