package in.picode.kretanote.crypto.control;

import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * One key-encryption key and the id under which data keys record it. Its {@code toString} shows the
 * id only, so the key cannot reach a log line by accident.
 */
public final class KeyEncryptionKey {

  private final String id;
  private final SecretKey key;

  KeyEncryptionKey(String id, SecretKey key) {
    this.id = Objects.requireNonNull(id, "id");
    this.key = Objects.requireNonNull(key, "key");
  }

  public String id() {
    return id;
  }

  SecretKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[" + id + "]";
  }
}
