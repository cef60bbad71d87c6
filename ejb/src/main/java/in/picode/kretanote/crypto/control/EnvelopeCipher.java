package in.picode.kretanote.crypto.control;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for both layers of the envelope: a tenant's data key wrapped by a key-encryption key,
 * and values encrypted by a data key. Plain JCE, no container; safe for concurrent use.
 *
 * <p>Value format, version 1 ({@value #OVERHEAD} bytes longer than the plaintext):
 *
 * <pre>
 *   offset  length  content
 *   0       1       format version, 0x01
 *   1       4       data key version (the key id; int32, big-endian, &gt; 0)
 *   5       12      nonce, 96 bits from a SecureRandom
 *   17      n + 16  AES-GCM ciphertext followed by the 128-bit tag
 * </pre>
 *
 * The associated data is {@code "kretanote:data:" || header (5 bytes) || tenant id (int64) ||
 * purpose (ASCII)}, so a value copied to another tenant, purpose or key version fails
 * authentication exactly like a flipped bit. A wrapped data key is {@code nonce (12) || ciphertext
 * (32) || tag (16)} with associated data {@code "kretanote:dek:" || tenant id (int64) || key
 * version (int32) || kek id (ASCII)}, so a wrapped key moved to another tenant or version, or
 * relabelled with another KEK id, does not unwrap. Only the last field of each is variable in
 * length, which keeps the encodings unambiguous.
 *
 * <p>Random 96-bit nonces are safe for up to 2^32 encryptions under one key (NIST SP 800-38D, 8.3);
 * a tenant's tokens are encrypted a handful of times, and a data key wraps nothing else.
 */
public final class EnvelopeCipher {

  public static final int FORMAT_VERSION = 1;
  public static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  static final int HEADER_BYTES = 1 + Integer.BYTES;
  public static final int OVERHEAD = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;
  public static final int WRAPPED_KEY_BYTES = NONCE_BYTES + KEY_BYTES + TAG_BYTES;

  /** Lower-case, e.g. {@code meta-access-token}; may name a record, e.g. {@code webhook:17}. */
  static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,99}");

  private static final byte[] DATA_LABEL = "kretanote:data:".getBytes(US_ASCII);
  private static final byte[] WRAP_LABEL = "kretanote:dek:".getBytes(US_ASCII);
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecureRandom random;

  public EnvelopeCipher() {
    this(new SecureRandom());
  }

  public EnvelopeCipher(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A fresh random AES-256 data key; the caller zeroes it after use. */
  public byte[] newDataKey() {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return key;
  }

  public byte[] wrap(KeyEncryptionKey kek, long tenantId, int keyVersion, byte[] dataKey) {
    requireKey(dataKey);
    byte[] nonce = nonce();
    byte[] sealed = seal(kek.key(), nonce, wrapAad(tenantId, keyVersion, kek.id()), dataKey);
    return ByteBuffer.allocate(WRAPPED_KEY_BYTES).put(nonce).put(sealed).array();
  }

  /**
   * The data key inside a wrapped key; the caller zeroes it after use.
   *
   * @throws TamperedCiphertextException when the wrapped key was changed, moved to another tenant
   *     or version, or the key material behind this KEK id is not the one that wrapped it
   */
  public byte[] unwrap(KeyEncryptionKey kek, long tenantId, int keyVersion, byte[] wrapped) {
    String what = "data key v" + keyVersion + " of tenant " + tenantId;
    if (wrapped == null || wrapped.length != WRAPPED_KEY_BYTES) {
      throw new TamperedCiphertextException(
          what
              + " cannot be unwrapped: it has "
              + (wrapped == null ? "no" : String.valueOf(wrapped.length))
              + " bytes, not "
              + WRAPPED_KEY_BYTES);
    }
    byte[] nonce = Arrays.copyOfRange(wrapped, 0, NONCE_BYTES);
    return open(
        kek.key(),
        nonce,
        wrapAad(tenantId, keyVersion, kek.id()),
        wrapped,
        NONCE_BYTES,
        what
            + " cannot be unwrapped with key-encryption key "
            + kek.id()
            + " (tampered, moved from another tenant or version, or the key material"
            + " configured under that id changed)");
  }

  /** Encrypts a value under a data key in the version 1 format. */
  public byte[] encrypt(
      byte[] dataKey, long tenantId, int keyVersion, String purpose, byte[] plaintext) {
    requireKey(dataKey);
    requirePurpose(purpose);
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] header = header(keyVersion);
    byte[] nonce = nonce();
    SecretKey key = new SecretKeySpec(dataKey, "AES");
    byte[] sealed = seal(key, nonce, dataAad(header, tenantId, purpose), plaintext);
    return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
        .put(header)
        .put(nonce)
        .put(sealed)
        .array();
  }

  /**
   * The data key version a value names, read before the key is looked up. Not authenticated yet:
   * {@link #decrypt} checks it again under the tag.
   *
   * @throws TamperedCiphertextException when the value is too short or of an unknown format
   */
  public static int keyVersionOf(byte[] ciphertext) {
    if (ciphertext == null || ciphertext.length < OVERHEAD) {
      throw new TamperedCiphertextException(
          "value cannot be decrypted: "
              + (ciphertext == null ? "no value" : ciphertext.length + " bytes")
              + " is shorter than the "
              + OVERHEAD
              + " bytes every encrypted value has (truncated or not encrypted by the vault)");
    }
    if (ciphertext[0] != FORMAT_VERSION) {
      throw new TamperedCiphertextException(
          "value cannot be decrypted: unknown format version "
              + (ciphertext[0] & 0xff)
              + " (tampered or not encrypted by the vault)");
    }
    int version = ByteBuffer.wrap(ciphertext, 1, Integer.BYTES).getInt();
    if (version <= 0) {
      throw new TamperedCiphertextException(
          "value cannot be decrypted: invalid data key version " + version + " (tampered)");
    }
    return version;
  }

  /**
   * Decrypts a value that {@link #encrypt} produced for the same tenant, data key and purpose.
   *
   * @throws TamperedCiphertextException when any of that does not match or a byte was changed
   */
  public byte[] decrypt(
      byte[] dataKey, long tenantId, int keyVersion, String purpose, byte[] ciphertext) {
    requireKey(dataKey);
    requirePurpose(purpose);
    int named = keyVersionOf(ciphertext);
    String failure =
        "value cannot be decrypted for tenant "
            + tenantId
            + " / purpose "
            + purpose
            + " (tampered, or bound to another tenant or purpose)";
    if (named != keyVersion) {
      throw new TamperedCiphertextException(
          failure + ": it names data key v" + named + ", not v" + keyVersion);
    }
    byte[] nonce = Arrays.copyOfRange(ciphertext, HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
    // The AAD is built from what the caller expects, not from the bytes received.
    byte[] aad = dataAad(header(keyVersion), tenantId, purpose);
    return open(
        new SecretKeySpec(dataKey, "AES"),
        nonce,
        aad,
        ciphertext,
        HEADER_BYTES + NONCE_BYTES,
        failure);
  }

  /**
   * Seals one segment of a streamed value ({@link SealedStreams}) under its own random stream key.
   * The nonce is the segment's index and whether it is the last one, so segments cannot be
   * reordered, dropped, or cut off at a segment boundary without failing authentication (the STREAM
   * construction of Hoang, Reyhanitabar, Rogaway and Vizár). A stream key seals one stream only, so
   * a nonce never repeats under a key.
   */
  public byte[] sealSegment(
      byte[] streamKey, byte[] header, long index, boolean last, byte[] plain, int off, int len) {
    requireKey(streamKey);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(streamKey, "AES"),
          new GCMParameterSpec(TAG_BYTES * 8, segmentNonce(index, last)));
      cipher.updateAAD(header);
      return cipher.doFinal(plain, off, len);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption is not available: " + e, e);
    }
  }

  /**
   * Opens a segment {@link #sealSegment} produced.
   *
   * @throws TamperedCiphertextException when any byte, the position or the last-segment flag
   *     differs
   */
  public byte[] openSegment(
      byte[] streamKey,
      byte[] header,
      long index,
      boolean last,
      byte[] sealed,
      int off,
      int len,
      String failure) {
    requireKey(streamKey);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(streamKey, "AES"),
          new GCMParameterSpec(TAG_BYTES * 8, segmentNonce(index, last)));
      cipher.updateAAD(header);
      return cipher.doFinal(sealed, off, len);
    } catch (AEADBadTagException e) {
      throw new TamperedCiphertextException(failure);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption is not available: " + e, e);
    }
  }

  /** Bytes a sealed segment adds to its plaintext. */
  public static int segmentOverhead() {
    return TAG_BYTES;
  }

  private static byte[] segmentNonce(long index, boolean last) {
    if (index < 0) {
      throw new IllegalArgumentException("a segment index is not negative");
    }
    return ByteBuffer.allocate(NONCE_BYTES)
        .put((byte) (last ? 1 : 0))
        .put(new byte[3])
        .putLong(index)
        .array();
  }

  private byte[] nonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  private static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      // Only a broken JCE installation gets here; the message carries no key or data.
      throw new IllegalStateException("AES-GCM encryption is not available: " + e, e);
    }
  }

  private static byte[] open(
      SecretKey key, byte[] nonce, byte[] aad, byte[] input, int offset, String failure) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input, offset, input.length - offset);
    } catch (AEADBadTagException e) {
      throw new TamperedCiphertextException(failure);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption is not available: " + e, e);
    }
  }

  private static byte[] header(int keyVersion) {
    if (keyVersion <= 0) {
      throw new IllegalArgumentException("a data key version is positive, not " + keyVersion);
    }
    return ByteBuffer.allocate(HEADER_BYTES).put((byte) FORMAT_VERSION).putInt(keyVersion).array();
  }

  private static byte[] dataAad(byte[] header, long tenantId, String purpose) {
    byte[] p = purpose.getBytes(US_ASCII);
    return ByteBuffer.allocate(DATA_LABEL.length + header.length + Long.BYTES + p.length)
        .put(DATA_LABEL)
        .put(header)
        .putLong(tenantId)
        .put(p)
        .array();
  }

  private static byte[] wrapAad(long tenantId, int keyVersion, String kekId) {
    if (keyVersion <= 0) {
      throw new IllegalArgumentException("a data key version is positive, not " + keyVersion);
    }
    byte[] id = kekId.getBytes(US_ASCII);
    return ByteBuffer.allocate(WRAP_LABEL.length + Long.BYTES + Integer.BYTES + id.length)
        .put(WRAP_LABEL)
        .putLong(tenantId)
        .putInt(keyVersion)
        .put(id)
        .array();
  }

  private static void requireKey(byte[] dataKey) {
    if (dataKey == null || dataKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("a data key has " + KEY_BYTES + " bytes");
    }
  }

  public static void requirePurpose(String purpose) {
    if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
      // Not echoed: a caller that swapped the purpose and plaintext arguments would log a token.
      throw new IllegalArgumentException(
          "a purpose is 1 to 100 of a-z 0-9 . _ : -, starting with a letter or digit");
    }
  }
}
