package in.picode.kretanote.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's (or platform operator's) authenticator-app second factor. Like {@link UserAccount} it is
 * not multitenant: sign-in reads it before any tenant is bound. The secret is stored encrypted by
 * the caller (the entity never sees it in the clear); {@code lastStep} is the newest time step a
 * code was accepted for.
 */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

  @Id
  @Column(name = "user_id")
  private Long userId;

  /** Null for a platform operator, whose secret is sealed with a platform key. */
  @Column(name = "tenant_id", updatable = false)
  private Long tenantId;

  @Column(nullable = false, length = 255)
  private byte[] secret;

  @Column(name = "enabled_at", nullable = false)
  private Instant enabledAt;

  @Column(name = "last_step", nullable = false)
  private long lastStep;

  @Column(name = "recovery_codes", nullable = false, length = 1000)
  private String recoveryCodes;

  @Column(name = "failed_codes", nullable = false)
  private int failedCodes;

  @Column(name = "last_failed_at")
  private Instant lastFailedAt;

  @Version private long version;

  protected SecondFactor() {}

  public SecondFactor(
      long userId,
      Long tenantId,
      byte[] encryptedSecret,
      Instant enabledAt,
      long lastStep,
      String recoveryCodes) {
    this.userId = userId;
    this.tenantId = tenantId;
    this.secret = Objects.requireNonNull(encryptedSecret, "secret").clone();
    this.enabledAt = Objects.requireNonNull(enabledAt, "enabledAt");
    this.lastStep = lastStep;
    this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
  }

  /** Records that a code of this step was accepted; no code of it or before counts again. */
  public void used(long step) {
    if (step <= lastStep) {
      throw new IllegalArgumentException("step already used");
    }
    this.lastStep = step;
  }

  /** A wrong code; {@code counted} is how many earlier ones still count. */
  public void failed(int counted, Instant at) {
    this.failedCodes = counted + 1;
    this.lastFailedAt = at;
  }

  public void succeeded() {
    this.failedCodes = 0;
    this.lastFailedAt = null;
  }

  public int getFailedCodes() {
    return failedCodes;
  }

  public Instant getLastFailedAt() {
    return lastFailedAt;
  }

  /** The same secret encrypted again (under the current key-encryption key). */
  public void replaceSecret(byte[] encryptedSecret) {
    this.secret = Objects.requireNonNull(encryptedSecret, "secret").clone();
  }

  public void replaceRecoveryCodes(String hashes) {
    this.recoveryCodes = Objects.requireNonNull(hashes, "hashes");
  }

  public Long getUserId() {
    return userId;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public byte[] getSecret() {
    return secret.clone();
  }

  public Instant getEnabledAt() {
    return enabledAt;
  }

  public long getLastStep() {
    return lastStep;
  }

  public String getRecoveryCodes() {
    return recoveryCodes;
  }
}
