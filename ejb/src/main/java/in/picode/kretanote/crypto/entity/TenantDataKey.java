package in.picode.kretanote.crypto.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's data key, stored only wrapped by a key-encryption key (KEK) that lives outside the
 * database; {@code kekId} says which. Destroying it wipes the wrapped key, which makes every value
 * encrypted under it unreadable (crypto-shredding); the row stays as a tombstone so that a value
 * naming it fails as "destroyed" rather than "unknown", and so that no new key is created for the
 * tenant afterwards.
 *
 * <p>Not {@code @Multitenant}: the vault addresses keys by explicit tenant id, also from timers
 * that run outside any tenant's context. Not cached: a destroyed key must be gone on every server
 * at once, not when a shared cache entry expires.
 */
@Entity
@Table(name = "tenant_data_key")
@IdClass(TenantDataKeyId.class)
@Cacheable(false)
@NamedQuery(
    name = TenantDataKey.OF_TENANT,
    query = "select k from TenantDataKey k where k.tenantId = :tenantId order by k.keyVersion desc")
@NamedQuery(
    name = TenantDataKey.LIVE_NOT_UNDER_KEK,
    query =
        "select k from TenantDataKey k where k.destroyedAt is null and k.kekId <> :kekId"
            + " and (k.tenantId > :afterTenantId"
            + " or (k.tenantId = :afterTenantId and k.keyVersion > :afterKeyVersion))"
            + " order by k.tenantId, k.keyVersion")
@NamedQuery(
    name = TenantDataKey.COUNT_LIVE_NOT_UNDER_KEK,
    query =
        "select count(k) from TenantDataKey k where k.destroyedAt is null and k.kekId <> :kekId")
@NamedQuery(
    name = TenantDataKey.DESTROY_OF_TENANT,
    query =
        "update TenantDataKey k set k.wrappedKey = null, k.destroyedAt = :destroyedAt,"
            + " k.version = k.version + 1"
            + " where k.tenantId = :tenantId and k.destroyedAt is null")
public class TenantDataKey {

  /** The tenant's keys, newest first. */
  public static final String OF_TENANT = "TenantDataKey.ofTenant";

  /** Live keys wrapped by another KEK than :kekId, after a (tenant, version) cursor. */
  public static final String LIVE_NOT_UNDER_KEK = "TenantDataKey.liveNotUnderKek";

  public static final String COUNT_LIVE_NOT_UNDER_KEK = "TenantDataKey.countLiveNotUnderKek";

  /** Bulk update: wipes every live key of :tenantId, stamping :destroyedAt. */
  public static final String DESTROY_OF_TENANT = "TenantDataKey.destroyOfTenant";

  public static final int KEK_ID_MAX = 40;
  public static final int WRAPPED_KEY_MAX = 128;

  @Id
  @Column(name = "tenant_id")
  private long tenantId;

  @Id
  @Column(name = "key_version")
  private int keyVersion;

  /** Null only on a tombstone written for a tenant that never had a key. */
  @Column(name = "kek_id", length = KEK_ID_MAX)
  private String kekId;

  @Column(name = "wrapped_key", length = WRAPPED_KEY_MAX)
  private byte[] wrappedKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  @Convert(converter = InstantAsTimestamp.class)
  private Instant createdAt;

  @Column(name = "destroyed_at")
  @Convert(converter = InstantAsTimestamp.class)
  private Instant destroyedAt;

  @Version private long version;

  protected TenantDataKey() {}

  public TenantDataKey(
      long tenantId, int keyVersion, String kekId, byte[] wrappedKey, Instant createdAt) {
    if (tenantId <= 0) {
      throw new IllegalArgumentException("a tenant id is positive, not " + tenantId);
    }
    if (keyVersion <= 0) {
      throw new IllegalArgumentException("a data key version is positive, not " + keyVersion);
    }
    this.tenantId = tenantId;
    this.keyVersion = keyVersion;
    this.kekId = requireKekId(kekId);
    this.wrappedKey = requireWrapped(wrappedKey);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  private static String requireKekId(String kekId) {
    if (kekId == null || kekId.isEmpty() || kekId.length() > KEK_ID_MAX) {
      throw new IllegalArgumentException(
          "a key-encryption key id has 1 to " + KEK_ID_MAX + " characters");
    }
    return kekId;
  }

  private static byte[] requireWrapped(byte[] wrappedKey) {
    if (wrappedKey == null || wrappedKey.length == 0 || wrappedKey.length > WRAPPED_KEY_MAX) {
      throw new IllegalArgumentException(
          "a wrapped data key has 1 to " + WRAPPED_KEY_MAX + " bytes");
    }
    return wrappedKey.clone();
  }

  public long getTenantId() {
    return tenantId;
  }

  public int getKeyVersion() {
    return keyVersion;
  }

  public TenantDataKeyId id() {
    return new TenantDataKeyId(tenantId, keyVersion);
  }

  /** The KEK this key is wrapped by; empty on a tombstone. */
  public Optional<String> getKekId() {
    return Optional.ofNullable(kekId);
  }

  /** A copy of the wrapped key; empty once destroyed. */
  public Optional<byte[]> getWrappedKey() {
    return Optional.ofNullable(wrappedKey).map(byte[]::clone);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Optional<Instant> getDestroyedAt() {
    return Optional.ofNullable(destroyedAt);
  }

  public boolean isDestroyed() {
    return destroyedAt != null;
  }

  /** Replaces the wrapped key after re-wrapping the same data key under another KEK. */
  public void rewrap(String kekId, byte[] wrappedKey) {
    if (isDestroyed()) {
      throw new IllegalStateException(
          "data key " + id() + " was destroyed; it cannot be rewrapped");
    }
    this.kekId = requireKekId(kekId);
    this.wrappedKey = requireWrapped(wrappedKey);
  }

  /** Wipes the wrapped key; idempotent. */
  public void destroy(Instant at) {
    Objects.requireNonNull(at, "at");
    if (wrappedKey != null) {
      Arrays.fill(wrappedKey, (byte) 0);
      wrappedKey = null;
    }
    if (destroyedAt == null) {
      destroyedAt = at;
    }
  }

  @Override
  public String toString() {
    return "TenantDataKey["
        + id()
        + ", kek "
        + kekId
        + (isDestroyed() ? ", destroyed " + destroyedAt : "")
        + "]";
  }
}
