package in.picode.kretanote.crypto.control;

import in.picode.kretanote.crypto.entity.TenantDataKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The rules for using tenant data keys, apart from the database: which key encrypts, how a value
 * finds its key, when a key is refused, and how rotation re-wraps one. Every unwrapped data key is
 * zeroed as soon as the single operation that needed it is done; none is cached, so destroying a
 * key takes effect on the next call on every server.
 */
public final class DataKeys {

  private final KeyEncryptionKeys keks;
  private final EnvelopeCipher cipher;

  public DataKeys(KeyEncryptionKeys keks, EnvelopeCipher cipher) {
    this.keks = Objects.requireNonNull(keks, "keks");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  /** A new random data key for a row the caller inserts, wrapped by the current KEK. */
  public TenantDataKey generate(long tenantId, int keyVersion, Instant now) {
    KeyEncryptionKey kek = keks.current();
    byte[] dataKey = cipher.newDataKey();
    try {
      byte[] wrapped = cipher.wrap(kek, tenantId, keyVersion, dataKey);
      return new TenantDataKey(tenantId, keyVersion, kek.id(), wrapped, now);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * The key new values of this tenant are encrypted with: its newest. Empty when the tenant has no
   * key yet.
   *
   * @throws UnknownKeyException when the newest key was destroyed: a deleted tenant gets no new key
   */
  public static Optional<TenantDataKey> current(long tenantId, List<TenantDataKey> keysOfTenant) {
    Optional<TenantDataKey> newest =
        keysOfTenant.stream().max(Comparator.comparingInt(TenantDataKey::getKeyVersion));
    newest.ifPresent(
        k -> {
          if (k.getTenantId() != tenantId) {
            throw new IllegalArgumentException(k + " does not belong to tenant " + tenantId);
          }
          if (k.isDestroyed()) {
            throw destroyed(k, "nothing more can be encrypted for it");
          }
        });
    return newest;
  }

  public byte[] encrypt(TenantDataKey key, String purpose, byte[] plaintext) {
    EnvelopeCipher.requirePurpose(purpose);
    byte[] dataKey = unwrap(key);
    try {
      return cipher.encrypt(dataKey, key.getTenantId(), key.getKeyVersion(), purpose, plaintext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Decrypts a value of this tenant, looking up the key version it names.
   *
   * @param keyByVersion the tenant's key with that version, if there is one
   * @throws TamperedCiphertextException when the value or its wrapped key fails authentication
   * @throws UnknownKeyException when the key does not exist, was destroyed, or its KEK is not
   *     configured
   */
  public byte[] decrypt(
      long tenantId,
      String purpose,
      byte[] ciphertext,
      IntFunction<Optional<TenantDataKey>> keyByVersion) {
    EnvelopeCipher.requirePurpose(purpose);
    int keyVersion = EnvelopeCipher.keyVersionOf(ciphertext);
    TenantDataKey key =
        keyByVersion
            .apply(keyVersion)
            .orElseThrow(
                () ->
                    new UnknownKeyException(
                        "value cannot be decrypted for tenant "
                            + tenantId
                            + " / purpose "
                            + purpose
                            + ": the tenant has no data key v"
                            + keyVersion));
    if (key.getTenantId() != tenantId || key.getKeyVersion() != keyVersion) {
      throw new IllegalArgumentException(
          "looked up " + key + " for tenant " + tenantId + " v" + keyVersion);
    }
    if (key.isDestroyed()) {
      throw destroyed(key, "value cannot be decrypted for purpose " + purpose);
    }
    byte[] dataKey = unwrap(key);
    try {
      return cipher.decrypt(dataKey, tenantId, keyVersion, purpose, ciphertext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Re-wraps the same data key under the current KEK, so every value encrypted under it stays
   * readable. False when it already is, so rotation can be run again safely.
   */
  public boolean rewrap(TenantDataKey key) {
    if (key.isDestroyed()) {
      throw destroyed(key, "it cannot be rewrapped");
    }
    KeyEncryptionKey target = keks.current();
    if (key.getKekId().orElseThrow().equals(target.id())) {
      return false;
    }
    byte[] dataKey = unwrap(key);
    try {
      key.rewrap(target.id(), cipher.wrap(target, key.getTenantId(), key.getKeyVersion(), dataKey));
      return true;
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private byte[] unwrap(TenantDataKey key) {
    if (key.isDestroyed()) {
      throw destroyed(key, "it cannot be used");
    }
    String kekId = key.getKekId().orElseThrow();
    KeyEncryptionKey kek =
        keks.find(kekId)
            .orElseThrow(
                () ->
                    new UnknownKeyException(
                        "data key v"
                            + key.getKeyVersion()
                            + " of tenant "
                            + key.getTenantId()
                            + " is wrapped by key-encryption key "
                            + kekId
                            + ", which this server is not configured with (neither "
                            + KeyEncryptionKeys.CURRENT_PROPERTY
                            + " nor "
                            + KeyEncryptionKeys.PREVIOUS_PROPERTY
                            + ")"));
    return cipher.unwrap(
        kek, key.getTenantId(), key.getKeyVersion(), key.getWrappedKey().orElseThrow());
  }

  private static UnknownKeyException destroyed(TenantDataKey key, String consequence) {
    return new UnknownKeyException(
        "data key v"
            + key.getKeyVersion()
            + " of tenant "
            + key.getTenantId()
            + " was destroyed at "
            + key.getDestroyedAt().orElseThrow()
            + "; "
            + consequence);
  }
}
