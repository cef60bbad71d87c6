package in.picode.kretanote.api.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API key of a business. Like the user table it is looked up without a tenant (a call names no
 * tenant; the key decides it), so it is not a multitenant entity: every query of a business's keys
 * names the tenant explicitly. Only the SHA-256 of the secret is kept.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_PUBLIC_ID, query = "select k from ApiKey k where k.publicId = :id")
@NamedQuery(
    name = ApiKey.OF_TENANT,
    query = "select k from ApiKey k where k.tenantId = :tenant order by k.id desc")
public class ApiKey {

  public static final String BY_PUBLIC_ID = "ApiKey.byPublicId";
  public static final String OF_TENANT = "ApiKey.ofTenant";
  public static final int NAME_MAX = 80;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private long tenantId;

  @Column(name = "public_id", nullable = false, updatable = false, length = 24)
  private String publicId;

  @Column(name = "secret_sha256", nullable = false, updatable = false)
  private byte[] secretSha256;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(nullable = false, length = 400)
  private String scopes;

  @Column(name = "created_by", updatable = false)
  private Long createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected ApiKey() {}

  public ApiKey(
      long tenantId,
      String publicId,
      byte[] secretSha256,
      String name,
      Set<String> scopes,
      Long createdBy,
      Instant now,
      Instant expiresAt) {
    this.tenantId = tenantId;
    this.publicId = Objects.requireNonNull(publicId);
    this.secretSha256 = secretSha256.clone();
    this.name = Objects.requireNonNull(name);
    this.scopes = String.join(" ", scopes);
    this.createdBy = createdBy;
    this.createdAt = Objects.requireNonNull(now);
    this.expiresAt = expiresAt;
  }

  /** Whether a call may use the key at {@code now}: not revoked, not expired. */
  public boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public void used(Instant now) {
    lastUsedAt = now;
  }

  public boolean secretMatches(byte[] sha256) {
    return java.security.MessageDigest.isEqual(secretSha256, sha256);
  }

  public Long getId() {
    return id;
  }

  public long getTenantId() {
    return tenantId;
  }

  public String getPublicId() {
    return publicId;
  }

  public String getName() {
    return name;
  }

  public Set<String> getScopes() {
    return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
  }

  public String getScopeList() {
    return scopes.replace(" ", ", ");
  }

  public Long getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
