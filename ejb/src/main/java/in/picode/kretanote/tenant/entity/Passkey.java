package in.picode.kretanote.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's passkey (WebAuthn credential), a second factor. Like {@link SecondFactor} it is not
 * {@code @Multitenant}, because sign-in reads it before a tenant is bound; every query names both
 * the tenant and the user. Holds only public data (credential id, public key, sign counter).
 */
@Entity
@Table(name = "passkey")
@NamedQuery(
    name = Passkey.OF_USER,
    query =
        "select p from Passkey p where p.tenantId = :tenantId and p.userId = :userId"
            + " order by p.createdAt, p.id")
@NamedQuery(
    name = Passkey.COUNT_OF_USER,
    query = "select count(p) from Passkey p where p.tenantId = :tenantId and p.userId = :userId")
@NamedQuery(
    name = Passkey.BY_CREDENTIAL,
    query =
        "select p from Passkey p where p.tenantId = :tenantId and p.userId = :userId"
            + " and p.credentialId = :credentialId")
public class Passkey {

  public static final String OF_USER = "Passkey.ofUser";
  public static final String COUNT_OF_USER = "Passkey.countOfUser";
  public static final String BY_CREDENTIAL = "Passkey.byCredential";
  public static final int NAME_MAX = 60;
  public static final int CREDENTIAL_ID_MAX = 255;
  public static final int PUBLIC_KEY_MAX = 2048;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private Long userId;

  @Column(name = "credential_id", nullable = false, updatable = false, length = CREDENTIAL_ID_MAX)
  private byte[] credentialId;

  @Column(name = "public_key", nullable = false, updatable = false, length = PUBLIC_KEY_MAX)
  private byte[] publicKey;

  @Column(name = "sign_count", nullable = false)
  private long signCount;

  @Column(name = "user_verified", nullable = false)
  private boolean userVerified;

  @Column(name = "backup_eligible", nullable = false)
  private boolean backupEligible;

  @Column(name = "backed_up", nullable = false)
  private boolean backedUp;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected Passkey() {}

  @SuppressWarnings("java:S107")
  public Passkey(
      long tenantId,
      long userId,
      byte[] credentialId,
      byte[] publicKey,
      long signCount,
      boolean userVerified,
      boolean backupEligible,
      boolean backedUp,
      String name,
      Instant createdAt) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.credentialId = Objects.requireNonNull(credentialId, "credentialId").clone();
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    this.signCount = signCount;
    this.userVerified = userVerified;
    this.backupEligible = backupEligible;
    this.backedUp = backedUp;
    this.name = Objects.requireNonNull(name, "name");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A sign-in with it succeeded and the authenticator now counts {@code counter}. */
  public void used(long counter, Instant at) {
    this.signCount = counter;
    this.lastUsedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public Long getUserId() {
    return userId;
  }

  public byte[] getCredentialId() {
    return credentialId.clone();
  }

  public byte[] getPublicKey() {
    return publicKey.clone();
  }

  public long getSignCount() {
    return signCount;
  }

  public boolean isUserVerified() {
    return userVerified;
  }

  public boolean isBackupEligible() {
    return backupEligible;
  }

  public boolean isBackedUp() {
    return backedUp;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
