package in.picode.kretanote.crypto.control;

import in.picode.kretanote.crypto.entity.TenantDataKey;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) this server holds: the current one, which wraps every new or
 * re-wrapped data key, and previous ones, still accepted for unwrapping while a rotation is under
 * way.
 *
 * <p>Both come from configuration as {@code <kekId>:<base64 of 32 bytes>} (the previous ones
 * comma-separated), from a Payara password alias or an environment variable, never from the
 * repository or the database. Parse errors name the configuration key and the entry's position, but
 * never the value, not even the character that failed to decode: a log line or an admin page must
 * not leak part of a key.
 */
public final class KeyEncryptionKeys {

  public static final String CURRENT_PROPERTY = "kretanote.crypto.kek";
  public static final String PREVIOUS_PROPERTY = "kretanote.crypto.kek.previous";
  public static final int KEY_BYTES = 32;

  /** Stored in {@code tenant_data_key.kek_id} (ASCII, case-sensitive) and bound into the AAD. */
  static final Pattern ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (TenantDataKey.KEK_ID_MAX - 1) + "}");

  private final KeyEncryptionKey current;
  private final Map<String, KeyEncryptionKey> byId;

  private KeyEncryptionKeys(KeyEncryptionKey current, Map<String, KeyEncryptionKey> byId) {
    this.current = current;
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * Parses the two configuration values.
   *
   * @param current value of {@value #CURRENT_PROPERTY}; required
   * @param previous value of {@value #PREVIOUS_PROPERTY}; null or blank when no rotation is under
   *     way
   * @throws KeyConfigurationException when a value is missing, malformed, repeats an id, or repeats
   *     key material under another id
   */
  public static KeyEncryptionKeys parse(String current, String previous) {
    if (current == null || current.isBlank()) {
      throw new KeyConfigurationException(
          CURRENT_PROPERTY
              + " is not set: configure the key-encryption key as <kekId>:<base64 of 32 bytes>"
              + " (Payara password alias or environment variable KRETANOTE_CRYPTO_KEK)");
    }
    if (current.indexOf(',') >= 0) {
      throw new KeyConfigurationException(
          CURRENT_PROPERTY + " holds more than one key; older keys belong in " + PREVIOUS_PROPERTY);
    }
    KeyEncryptionKey currentKey = parseEntry(current, CURRENT_PROPERTY);
    Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();
    Map<String, byte[]> material = new LinkedHashMap<>();
    try {
      add(currentKey, CURRENT_PROPERTY, byId, material);
      if (previous != null && !previous.isBlank()) {
        String[] entries = previous.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
          String where = PREVIOUS_PROPERTY + " entry " + (i + 1);
          if (entries[i].isBlank()) {
            throw new KeyConfigurationException(where + " is empty");
          }
          add(parseEntry(entries[i], where), where, byId, material);
        }
      }
    } finally {
      material.values().forEach(k -> Arrays.fill(k, (byte) 0));
    }
    return new KeyEncryptionKeys(currentKey, byId);
  }

  private static KeyEncryptionKey parseEntry(String entry, String where) {
    String trimmed = entry.strip();
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      throw new KeyConfigurationException(
          where + " is not of the form <kekId>:<base64 of 32 bytes> (no key id)");
    }
    String id = trimmed.substring(0, colon);
    if (!ID.matcher(id).matches()) {
      throw new KeyConfigurationException(
          where
              + " has an invalid key id: use 1 to "
              + TenantDataKey.KEK_ID_MAX
              + " of A-Z a-z 0-9 . _ -, starting with a letter or digit");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; it must not reach a log.
      throw new KeyConfigurationException(
          where + " (key id " + id + "): the key is not valid base64");
    }
    try {
      if (key.length != KEY_BYTES) {
        throw new KeyConfigurationException(
            where
                + " (key id "
                + id
                + "): the key has "
                + key.length
                + " bytes, an AES-256 key-encryption key needs exactly "
                + KEY_BYTES);
      }
      return new KeyEncryptionKey(id, new SecretKeySpec(key, "AES"));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Adds the key unless its id or its key material is already there. */
  private static void add(
      KeyEncryptionKey kek,
      String where,
      Map<String, KeyEncryptionKey> byId,
      Map<String, byte[]> material) {
    if (byId.containsKey(kek.id())) {
      throw new KeyConfigurationException(
          where + ": key id " + kek.id() + " is configured more than once");
    }
    byte[] encoded = kek.key().getEncoded();
    try {
      for (Map.Entry<String, byte[]> other : material.entrySet()) {
        if (MessageDigest.isEqual(other.getValue(), encoded)) {
          throw new KeyConfigurationException(
              where
                  + ": key ids "
                  + other.getKey()
                  + " and "
                  + kek.id()
                  + " have the same key material; a new key id needs a newly generated key");
        }
      }
      byId.put(kek.id(), kek);
      material.put(kek.id(), encoded);
      encoded = null;
    } finally {
      if (encoded != null) {
        Arrays.fill(encoded, (byte) 0);
      }
    }
  }

  public KeyEncryptionKey current() {
    return current;
  }

  public Optional<KeyEncryptionKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids of the keys accepted for unwrapping besides the current one. */
  public List<String> previousIds() {
    List<String> ids = new ArrayList<>(byId.keySet());
    ids.remove(current.id());
    return ids;
  }

  @Override
  public String toString() {
    return "KeyEncryptionKeys[current=" + current.id() + ", previous=" + previousIds() + "]";
  }
}
