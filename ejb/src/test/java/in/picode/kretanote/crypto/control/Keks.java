package in.picode.kretanote.crypto.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Configuration values for key-encryption keys, as an operator would write them. */
final class Keks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Keks() {}

  static String entry(String id) {
    return id + ":" + base64(32);
  }

  static String base64(int bytes) {
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static KeyEncryptionKeys only(String entry) {
    return KeyEncryptionKeys.parse(entry, null);
  }
}
