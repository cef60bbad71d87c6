package in.picode.kretanote.crypto.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;

import in.picode.kretanote.crypto.control.DataKeys;
import in.picode.kretanote.crypto.control.EnvelopeCipher;
import in.picode.kretanote.crypto.control.KeyEncryptionKeys;
import in.picode.kretanote.crypto.control.SealedStreams;
import in.picode.kretanote.crypto.entity.TenantDataKey;
import in.picode.kretanote.crypto.entity.TenantDataKeyId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The token vault: envelope encryption of secrets at rest (access tokens and the like), per tenant.
 *
 * <p>Each tenant has a random AES-256 data key, created on its first encryption and stored only
 * wrapped (AES-256-GCM) by the current key-encryption key (KEK). The KEK comes from a Payara
 * password alias or an environment variable, never from the repository or the database. A value is
 * encrypted with AES-256-GCM under the data key with a random 96-bit nonce; the tenant id, the
 * purpose and the key version are bound as associated data, and the key version travels in the
 * value (format: see {@link EnvelopeCipher}). Every failure is a {@link
 * in.picode.kretanote.crypto.boundary.CryptoException} with a message that names tenant, purpose
 * and key, never key material or plaintext; it rolls back the caller's transaction.
 *
 * <p><b>Deletion.</b> {@link #destroyTenantKeys} wipes the tenant's wrapped keys: from then on its
 * values cannot be decrypted on any server and nothing more can be encrypted for it. Copies of the
 * wrapped keys in database backups stay usable while their KEK exists, so deletion reaches backups
 * when those expire or when the KEK is rotated and retired.
 *
 * <p><b>KEK rotation</b>, without downtime (data keys do not change, so no value is re-encrypted):
 *
 * <ol>
 *   <li>Generate a key and give it a new id, e.g. {@code kek-2025-07:$(openssl rand -base64 32)}.
 *   <li>Add it to {@code kretanote.crypto.kek.previous} on every instance. Each now accepts it but
 *       does not use it yet, so no instance can meet a key it does not know in the next step.
 *   <li>Make it {@code kretanote.crypto.kek} and move the old one to {@code
 *       kretanote.crypto.kek.previous}, on every instance. New data keys are wrapped by the new
 *       KEK.
 *   <li>Run {@link #rewrapAll()} (admin action). It re-wraps every live data key under the current
 *       KEK in small transactions of its own, can run again safely, and reports {@code remaining}.
 *   <li>When {@code remaining} is 0, remove the old KEK from {@code kretanote.crypto.kek.previous}.
 * </ol>
 *
 * The log line "Key-encryption keys loaded" on each instance shows which ids it holds.
 */
@Stateless
public class TokenVault {

  /** An encrypted value is this many bytes longer than its plaintext; size columns with it. */
  public static final int OVERHEAD = EnvelopeCipher.OVERHEAD;

  static final int REWRAP_BATCH_SIZE = 100;

  private static final System.Logger LOG = System.getLogger(TokenVault.class.getName());
  private static final EnvelopeCipher CIPHER = new EnvelopeCipher();
  private static final SealedStreams STREAMS = new SealedStreams(CIPHER);

  /**
   * Version 1, unless a concurrent first encryption for the tenant inserted it first: then this
   * changes nothing and the winner's key is read back.
   */
  private static final String INSERT_FIRST_KEY =
      "INSERT INTO tenant_data_key"
          + " (tenant_id, key_version, kek_id, wrapped_key, created_at, version)"
          + " VALUES (?1, 1, ?2, ?3, ?4, 0)"
          + " ON DUPLICATE KEY UPDATE tenant_id = tenant_id";

  /**
   * Makes sure a destroyed tenant has a destroyed version 1, so that no key can be created for it
   * afterwards, also when it never had one or one is being created concurrently. Nothing when the
   * tenant row is already gone (its key rows went with it).
   */
  private static final String DESTROY_FIRST_KEY =
      "INSERT INTO tenant_data_key"
          + " (tenant_id, key_version, kek_id, wrapped_key, created_at, destroyed_at, version)"
          + " SELECT t.id, 1, NULL, NULL, ?1, ?1, 0 FROM tenant t WHERE t.id = ?2"
          + " ON DUPLICATE KEY UPDATE tenant_data_key.wrapped_key = NULL,"
          + " tenant_data_key.destroyed_at = COALESCE(tenant_data_key.destroyed_at, ?1),"
          + " tenant_data_key.version = tenant_data_key.version + 1";

  @PersistenceContext EntityManager em;

  @Inject KeyEncryptionKeyConfig kekConfig;

  @Inject KeyRotation rotation;

  /**
   * Encrypts a value for a tenant; the result is opaque and {@link #OVERHEAD} bytes longer.
   *
   * @param purpose what the value is, e.g. {@code meta-access-token}: lower-case letters, digits
   *     and {@code . _ : -}; the same purpose is needed to decrypt
   */
  public byte[] encrypt(long tenantId, String purpose, byte[] plaintext) {
    EnvelopeCipher.requirePurpose(purpose);
    Objects.requireNonNull(plaintext, "plaintext");
    DataKeys dataKeys = dataKeys();
    List<TenantDataKey> keys =
        em.createNamedQuery(TenantDataKey.OF_TENANT, TenantDataKey.class)
            .setParameter("tenantId", tenantId)
            .getResultList();
    TenantDataKey key =
        DataKeys.current(tenantId, keys).orElseGet(() -> createFirstKey(tenantId, dataKeys));
    return dataKeys.encrypt(key, purpose, plaintext);
  }

  /** Encrypts the UTF-8 bytes of a string; see {@link #encrypt(long, String, byte[])}. */
  public byte[] encrypt(long tenantId, String purpose, String plaintext) {
    return encrypt(
        tenantId, purpose, Objects.requireNonNull(plaintext, "plaintext").getBytes(UTF_8));
  }

  /**
   * Decrypts a value encrypted for this tenant and purpose.
   *
   * @throws in.picode.kretanote.crypto.control.TamperedCiphertextException when the value was
   *     changed, truncated, or encrypted for another tenant or purpose
   * @throws in.picode.kretanote.crypto.control.UnknownKeyException when its data key does not
   *     exist, was destroyed, or is wrapped by a KEK this server is not configured with
   */
  public byte[] decrypt(long tenantId, String purpose, byte[] ciphertext) {
    return dataKeys()
        .decrypt(
            tenantId,
            purpose,
            ciphertext,
            version ->
                Optional.ofNullable(
                    em.find(TenantDataKey.class, new TenantDataKeyId(tenantId, version))));
  }

  /**
   * An output stream that encrypts everything written to it for this tenant and purpose into {@code
   * sink}, for values too large for memory (media files); see {@link SealedStreams}. Close it to
   * complete the value: a stream that was not closed cannot be decrypted.
   */
  public OutputStream encryptingStream(long tenantId, String purpose, OutputStream sink)
      throws IOException {
    EnvelopeCipher.requirePurpose(purpose);
    return STREAMS.encrypting(sink, key -> encrypt(tenantId, purpose, key));
  }

  /**
   * The plaintext of a stream {@link #encryptingStream} wrote for this tenant and purpose. Each
   * segment is authenticated before it is returned; reading a changed, truncated or foreign stream
   * throws {@link in.picode.kretanote.crypto.control.TamperedCiphertextException}.
   */
  public InputStream decryptingStream(long tenantId, String purpose, InputStream source)
      throws IOException {
    EnvelopeCipher.requirePurpose(purpose);
    return STREAMS.decrypting(source, wrapped -> decrypt(tenantId, purpose, wrapped));
  }

  /** Decrypts a value encrypted from a string; see {@link #decrypt}. */
  public String decryptString(long tenantId, String purpose, byte[] ciphertext) {
    return new String(decrypt(tenantId, purpose, ciphertext), UTF_8);
  }

  /**
   * Crypto-shreds a tenant: wipes all its wrapped data keys. Afterwards every value encrypted for
   * it fails with {@code UnknownKeyException} ("destroyed") and nothing more can be encrypted for
   * it. Needs no key-encryption key, so deletion works even when the KEK configuration is broken.
   * Idempotent.
   *
   * @return how many live keys this call destroyed
   */
  public int destroyTenantKeys(long tenantId) {
    Instant now = Instant.now();
    int destroyed =
        em.createNamedQuery(TenantDataKey.DESTROY_OF_TENANT)
            .setParameter("tenantId", tenantId)
            .setParameter("destroyedAt", now)
            .executeUpdate();
    em.createNativeQuery(DESTROY_FIRST_KEY)
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, tenantId)
        .executeUpdate();
    LOG.log(
        Level.INFO,
        "Destroyed {0} data key(s) of tenant {1}; its encrypted values are now unreadable",
        destroyed,
        String.valueOf(tenantId));
    return destroyed;
  }

  /**
   * Rotation: re-wraps every live data key under the current key-encryption key, in batches of
   * {@value #REWRAP_BATCH_SIZE} that commit on their own, so encryption and decryption go on
   * meanwhile. Safe to run again, and on two servers at once.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public RewrapReport rewrapAll() {
    KeyEncryptionKeys keks = kekConfig.keys();
    String kekId = keks.current().id();
    LOG.log(Level.INFO, "Re-wrapping data keys under key-encryption key {0}", kekId);
    int rewrapped = 0;
    int failed = 0;
    TenantDataKeyId after = new TenantDataKeyId(0, 0);
    KeyRotation.Batch batch;
    do {
      batch = rotation.rewrapBatch(keks, after, REWRAP_BATCH_SIZE);
      rewrapped += batch.rewrapped();
      failed += batch.failed();
      after = batch.last();
    } while (batch.scanned() == REWRAP_BATCH_SIZE);
    long remaining =
        em.createNamedQuery(TenantDataKey.COUNT_LIVE_NOT_UNDER_KEK, Long.class)
            .setParameter("kekId", kekId)
            .getSingleResult();
    RewrapReport report = new RewrapReport(kekId, rewrapped, failed, remaining);
    LOG.log(
        remaining == 0 ? Level.INFO : Level.WARNING,
        "Re-wrap under {0} done: {1} re-wrapped, {2} failed, {3} still under another KEK",
        kekId,
        rewrapped,
        failed,
        remaining);
    return report;
  }

  private DataKeys dataKeys() {
    return new DataKeys(kekConfig.keys(), CIPHER);
  }

  private TenantDataKey createFirstKey(long tenantId, DataKeys dataKeys) {
    TenantDataKey fresh = dataKeys.generate(tenantId, 1, Instant.now());
    byte[] wrapped = fresh.getWrappedKey().orElseThrow();
    em.createNativeQuery(INSERT_FIRST_KEY)
        .setParameter(1, tenantId)
        .setParameter(2, fresh.getKekId().orElseThrow())
        .setParameter(3, wrapped)
        .setParameter(4, Timestamp.from(fresh.getCreatedAt()))
        .executeUpdate();
    // A locking read returns the latest committed row, whoever inserted it; a plain read could
    // answer from this transaction's older snapshot and find nothing.
    TenantDataKey stored = em.find(TenantDataKey.class, fresh.id(), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      throw new IllegalStateException("data key v1 of tenant " + tenantId + " was not stored");
    }
    TenantDataKey key = DataKeys.current(tenantId, List.of(stored)).orElseThrow();
    if (Arrays.equals(key.getWrappedKey().orElseThrow(), wrapped)) {
      LOG.log(
          Level.INFO,
          "Created data key v1 of tenant {0} under key-encryption key {1}",
          String.valueOf(tenantId),
          key.getKekId().orElseThrow());
    }
    return key;
  }
}
