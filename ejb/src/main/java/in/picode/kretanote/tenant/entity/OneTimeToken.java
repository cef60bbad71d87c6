package in.picode.kretanote.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A link sent by email (verify address, reset password, join a tenant). Only the SHA-256 of the
 * 256-bit random token is stored; the token itself exists only in the email.
 */
@Entity
@Table(name = "one_time_token")
@NamedQuery(
    name = OneTimeToken.COUNT_SINCE,
    query =
        "select count(t) from OneTimeToken t where t.email = :email and t.purpose = :purpose"
            + " and t.createdAt > :since")
@NamedQuery(
    name = OneTimeToken.RETIRE_FOR_USER,
    query =
        "update OneTimeToken t set t.usedAt = :now where t.userId = :user"
            + " and t.purpose = :purpose and t.usedAt is null")
public class OneTimeToken {

  public static final String COUNT_SINCE = "OneTimeToken.countSince";
  public static final String RETIRE_FOR_USER = "OneTimeToken.retireForUser";

  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    INVITATION
  }

  @Id
  @Column(name = "token_hash", length = 32)
  private byte[] tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24, updatable = false)
  private Purpose purpose;

  @Column(name = "tenant_id", updatable = false)
  private Long tenantId;

  @Column(name = "user_id", updatable = false)
  private Long userId;

  @Column(nullable = false, length = 254, updatable = false)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(length = 16, updatable = false)
  private Role role;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected OneTimeToken() {}

  public OneTimeToken(
      byte[] tokenHash,
      Purpose purpose,
      Long tenantId,
      Long userId,
      String email,
      Role role,
      Instant createdAt,
      Instant expiresAt) {
    this.tokenHash = Objects.requireNonNull(tokenHash).clone();
    this.purpose = Objects.requireNonNull(purpose);
    this.tenantId = tenantId;
    this.userId = userId;
    this.email = Objects.requireNonNull(email);
    this.role = role;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  public boolean isUsable(Instant now) {
    return usedAt == null && expiresAt.isAfter(now);
  }

  public void use(Instant now) {
    if (!isUsable(now)) {
      throw new IllegalStateException("Token already used or expired");
    }
    usedAt = now;
  }

  public Purpose getPurpose() {
    return purpose;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public Long getUserId() {
    return userId;
  }

  public String getEmail() {
    return email;
  }

  public Role getRole() {
    return role;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
