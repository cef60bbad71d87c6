package in.picode.kretanote.crypto.control;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encryption of the few platform-level secrets that belong to no tenant (a platform operator's
 * authenticator secret): each value gets its own random AES-256 data key, wrapped by the current
 * key-encryption key, with the value under it in the vault's version 1 format. Format:
 *
 * <pre>
 *   0x50 'P' | kek id length (1) | kek id (ASCII) | wrapped data key (60) | value (n + 33)
 * </pre>
 *
 * Both layers bind the "tenant" {@value #PLATFORM} (no tenant has it) and the purpose, so a value
 * cannot pass for a tenant's. A value stays readable while its KEK is current or previous; {@link
 * #underCurrent} tells a caller to re-seal it during a rotation.
 */
public final class PlatformSeal {

  /** The tenant id the platform's values are bound to; real tenant ids are positive. */
  public static final long PLATFORM = 0;

  private static final byte MARK = 0x50;
  private static final int DATA_KEY_VERSION = 1;

  private final KeyEncryptionKeys keks;
  private final EnvelopeCipher cipher;

  public PlatformSeal(KeyEncryptionKeys keks, EnvelopeCipher cipher) {
    this.keks = keks;
    this.cipher = cipher;
  }

  public byte[] seal(String purpose, byte[] plaintext) {
    EnvelopeCipher.requirePurpose(purpose);
    KeyEncryptionKey kek = keks.current();
    byte[] dataKey = cipher.newDataKey();
    try {
      byte[] wrapped = cipher.wrap(kek, PLATFORM, DATA_KEY_VERSION, dataKey);
      byte[] value = cipher.encrypt(dataKey, PLATFORM, DATA_KEY_VERSION, purpose, plaintext);
      byte[] id = kek.id().getBytes(US_ASCII);
      return ByteBuffer.allocate(2 + id.length + wrapped.length + value.length)
          .put(MARK)
          .put((byte) id.length)
          .put(id)
          .put(wrapped)
          .put(value)
          .array();
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  public byte[] open(String purpose, byte[] sealed) {
    EnvelopeCipher.requirePurpose(purpose);
    String kekId = kekId(sealed);
    KeyEncryptionKey kek =
        keks.find(kekId)
            .orElseThrow(
                () ->
                    new UnknownKeyException(
                        "platform value for purpose "
                            + purpose
                            + " is wrapped by key-encryption key "
                            + kekId
                            + ", which this server is not configured with"));
    int start = 2 + kekId.length();
    byte[] wrapped = Arrays.copyOfRange(sealed, start, start + EnvelopeCipher.WRAPPED_KEY_BYTES);
    byte[] value =
        Arrays.copyOfRange(sealed, start + EnvelopeCipher.WRAPPED_KEY_BYTES, sealed.length);
    byte[] dataKey = cipher.unwrap(kek, PLATFORM, DATA_KEY_VERSION, wrapped);
    try {
      return cipher.decrypt(dataKey, PLATFORM, DATA_KEY_VERSION, purpose, value);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** Whether the value is wrapped by the current KEK (else re-seal it after a rotation). */
  public boolean underCurrent(byte[] sealed) {
    return kekId(sealed).equals(keks.current().id());
  }

  private static String kekId(byte[] sealed) {
    if (sealed == null
        || sealed.length < 2 + EnvelopeCipher.WRAPPED_KEY_BYTES + EnvelopeCipher.OVERHEAD
        || sealed[0] != MARK) {
      throw new TamperedCiphertextException(
          "platform value cannot be decrypted: not sealed for the platform, or truncated");
    }
    int length = sealed[1] & 0xff;
    if (length == 0
        || sealed.length
            < 2 + length + EnvelopeCipher.WRAPPED_KEY_BYTES + EnvelopeCipher.OVERHEAD) {
      throw new TamperedCiphertextException("platform value cannot be decrypted: truncated");
    }
    return new String(sealed, 2, length, US_ASCII);
  }
}
