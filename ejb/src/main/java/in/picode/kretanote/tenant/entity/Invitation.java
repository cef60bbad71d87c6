package in.picode.kretanote.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An OWNER or ADMIN asked someone to join the tenant with a role. The link in the mail carries a
 * 256-bit token of which only the SHA-256 is kept here; the invitation is pending until it is
 * accepted, revoked or expires, and it can be accepted once.
 */
@Entity
@Table(name = "invitation")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = Invitation.BY_TOKEN,
    query = "select i from Invitation i where i.tokenHash = :hash")
@NamedQuery(
    name = Invitation.PENDING,
    query =
        "select i from Invitation i where i.acceptedAt is null and i.revokedAt is null"
            + " and i.expiresAt > :now order by i.createdAt desc, i.id desc")
@NamedQuery(
    name = Invitation.PENDING_FOR_EMAIL,
    query =
        "select i from Invitation i where i.email = :email and i.acceptedAt is null"
            + " and i.revokedAt is null and i.expiresAt > :now")
public class Invitation {

  public static final String BY_TOKEN = "Invitation.byToken";
  public static final String PENDING = "Invitation.pending";
  public static final String PENDING_FOR_EMAIL = "Invitation.pendingForEmail";

  public enum Status {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, length = UserAccount.EMAIL_MAX)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Role role;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 32)
  private byte[] tokenHash;

  @Column(name = "invited_by", nullable = false, updatable = false)
  private Long invitedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "accepted_user_id")
  private Long acceptedUserId;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version private long version;

  protected Invitation() {}

  public Invitation(
      String email,
      Role role,
      byte[] tokenHash,
      long invitedBy,
      Instant createdAt,
      Instant expiresAt) {
    Objects.requireNonNull(role, "role");
    if (!role.isTenantRole()) {
      throw new IllegalArgumentException("Nobody is invited to be a platform operator");
    }
    this.email = UserAccount.normalizeEmail(email);
    this.role = role;
    this.tokenHash = Objects.requireNonNull(tokenHash).clone();
    this.invitedBy = invitedBy;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("An invitation must expire after it was made");
    }
  }

  public Status status(Instant now) {
    if (acceptedAt != null) {
      return Status.ACCEPTED;
    }
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
  }

  public boolean isPending(Instant now) {
    return status(now) == Status.PENDING;
  }

  public void accept(long userId, Instant now) {
    if (!isPending(now)) {
      throw new IllegalStateException("Invitation is " + status(now));
    }
    acceptedUserId = userId;
    acceptedAt = now;
  }

  public void revoke(Instant now) {
    if (!isPending(now)) {
      throw new IllegalStateException("Invitation is " + status(now));
    }
    revokedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public Role getRole() {
    return role;
  }

  public Long getInvitedBy() {
    return invitedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }

  public Long getAcceptedUserId() {
    return acceptedUserId;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
