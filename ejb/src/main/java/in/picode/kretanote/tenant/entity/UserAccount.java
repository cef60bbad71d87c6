package in.picode.kretanote.tenant.entity;

import in.picode.kretanote.platform.control.PlainText;
import in.picode.kretanote.platform.control.PlainText.Subject;
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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in. Email is unique across the platform because sign-in asks for no tenant, so
 * this table is not {@code @Multitenant}; it is read by sign-in and sign-up, and tenant-side user
 * management always filters by the current tenant explicitly ({@code BY_TENANT}).
 */
@Entity
@Table(name = "user_account")
@NamedQuery(
    name = UserAccount.BY_EMAIL,
    query = "select u from UserAccount u where u.email = :email")
@NamedQuery(
    name = UserAccount.BY_TENANT,
    query = "select u from UserAccount u where u.tenantId = :tenant order by u.displayName, u.id")
@NamedQuery(
    name = UserAccount.BY_TENANT_AND_ID,
    query = "select u from UserAccount u where u.tenantId = :tenant and u.id = :id")
@NamedQuery(
    name = UserAccount.BY_TENANT_AND_ROLE,
    query = "select u from UserAccount u where u.tenantId = :tenant and u.role = :role")
@NamedQuery(
    name = UserAccount.COUNT_BY_ROLE,
    query = "select count(u) from UserAccount u where u.role = :role")
public class UserAccount {

  public static final String BY_EMAIL = "UserAccount.byEmail";
  public static final String BY_TENANT = "UserAccount.byTenant";
  public static final String BY_TENANT_AND_ID = "UserAccount.byTenantAndId";
  public static final String BY_TENANT_AND_ROLE = "UserAccount.byTenantAndRole";
  public static final String COUNT_BY_ROLE = "UserAccount.countByRole";
  public static final int EMAIL_MAX = 254;
  public static final int NAME_MAX = 120;

  public enum Status {
    PENDING_VERIFICATION,
    ACTIVE,
    DISABLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", updatable = false)
  private Long tenantId;

  @Column(nullable = false, length = EMAIL_MAX)
  private String email;

  @Column(name = "display_name", nullable = false, length = NAME_MAX)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private Status status;

  @Column(name = "email_verified_at")
  private Instant emailVerifiedAt;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "last_failed_at")
  private Instant lastFailedAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "session_generation", nullable = false)
  private int sessionGeneration;

  /** An IANA zone id; null until the browser reported one or the user chose one. */
  @Column(name = "time_zone", length = TIME_ZONE_MAX)
  private String timeZone;

  /** A BCP 47 tag among the offered languages; null while the browser's language decides. */
  @Column(length = LANGUAGE_MAX)
  private String language;

  @Version private long version;

  public static final int TIME_ZONE_MAX = 64;
  public static final int LANGUAGE_MAX = 16;

  protected UserAccount() {}

  /** The zone times are shown in for this user; empty when none was chosen or detected yet. */
  public Optional<ZoneId> getTimeZone() {
    try {
      return timeZone == null ? Optional.empty() : Optional.of(ZoneId.of(timeZone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  public void changeTimeZone(ZoneId zone) {
    String id = Objects.requireNonNull(zone, "zone").getId();
    if (id.length() > TIME_ZONE_MAX) {
      throw new IllegalArgumentException("Time zone id too long");
    }
    this.timeZone = id;
  }

  /** The language chosen under Preferences; empty while the browser's language decides. */
  public Optional<String> getLanguage() {
    return Optional.ofNullable(language);
  }

  /** A tag among the offered languages (checked by the caller), or null to follow the browser. */
  public void changeLanguage(String tag) {
    if (tag != null && (tag.isBlank() || tag.length() > LANGUAGE_MAX)) {
      throw new IllegalArgumentException("Language tag empty or too long");
    }
    this.language = tag;
  }

  public UserAccount(
      Long tenantId,
      String email,
      String displayName,
      String passwordHash,
      Role role,
      Instant now) {
    Objects.requireNonNull(role, "role");
    if (role.isTenantRole() == (tenantId == null)) {
      throw new IllegalArgumentException("Tenant roles need a tenant; operators have none");
    }
    this.tenantId = tenantId;
    this.email = normalizeEmail(email);
    this.displayName =
        PlainText.require(requireText(displayName, NAME_MAX, "name"), Subject.PERSON_NAME);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = role;
    this.status = Status.PENDING_VERIFICATION;
    this.createdAt = Objects.requireNonNull(now);
  }

  public static String normalizeEmail(String email) {
    String e = requireText(email, EMAIL_MAX, "email").toLowerCase(Locale.ROOT);
    return e;
  }

  private static String requireText(String s, int max, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("The " + what + " cannot be empty");
    }
    String t = s.strip();
    if (t.length() > max) {
      throw new IllegalArgumentException("The " + what + " has at most " + max + " characters");
    }
    return t;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /**
   * Counts a wrong password; after {@code limit} failures within {@code window} the account is
   * locked for {@code lockout}. Returns true when this failure locked it.
   */
  public boolean recordFailure(Instant now, int limit, Duration window, Duration lockout) {
    if (lastFailedAt == null || lastFailedAt.isBefore(now.minus(window))) {
      failedAttempts = 0;
    }
    failedAttempts++;
    lastFailedAt = now;
    if (failedAttempts >= limit) {
      lockedUntil = now.plus(lockout);
      failedAttempts = 0;
      return true;
    }
    return false;
  }

  public void recordSignIn(Instant now) {
    failedAttempts = 0;
    lastFailedAt = null;
    lockedUntil = null;
    lastSignInAt = now;
  }

  public void verifyEmail(Instant now) {
    if (emailVerifiedAt == null) {
      emailVerifiedAt = now;
    }
    if (status == Status.PENDING_VERIFICATION) {
      status = Status.ACTIVE;
    }
  }

  /**
   * A sign-up whose address was never confirmed: its owner cannot sign in, and a new sign-up with
   * the same address replaces it ({@link #restartSignUp}).
   */
  public boolean isUnverifiedSignUp() {
    return role == Role.OWNER && status == Status.PENDING_VERIFICATION && emailVerifiedAt == null;
  }

  /**
   * A new sign-up with this address discards the unconfirmed one: the new name and password replace
   * what the earlier sign-up chose, so whoever confirms the address later confirms the sign-up made
   * last, with the password chosen last.
   */
  public void restartSignUp(String displayName, String passwordHash) {
    if (!isUnverifiedSignUp()) {
      throw new IllegalStateException("Only an unconfirmed sign-up can be replaced");
    }
    this.displayName = requireText(displayName, NAME_MAX, "name");
    this.passwordHash = Objects.requireNonNull(passwordHash);
    failedAttempts = 0;
    lastFailedAt = null;
    lockedUntil = null;
    sessionGeneration++;
  }

  /** The same password with stronger hash parameters; sessions stay valid. */
  public void changePasswordHash(String hash) {
    this.passwordHash = Objects.requireNonNull(hash);
  }

  /**
   * A new password chosen through a reset link: the lock and failure count are cleared, the mailed
   * link proves the address, and every other session of this user ends.
   */
  public void resetPassword(String hash, Instant now) {
    this.passwordHash = Objects.requireNonNull(hash);
    failedAttempts = 0;
    lastFailedAt = null;
    lockedUntil = null;
    verifyEmail(now);
    sessionGeneration++;
  }

  /** Sessions signed in with the old role end, so the new role applies at once. */
  public void changeRole(Role role) {
    Objects.requireNonNull(role, "role");
    if (role.isTenantRole() != this.role.isTenantRole()) {
      throw new IllegalArgumentException("A tenant user cannot become an operator or back");
    }
    if (role != this.role) {
      this.role = role;
      sessionGeneration++;
    }
  }

  /** Refuses further sign-ins and ends the user's sessions at their next request. */
  public void disable() {
    if (status != Status.DISABLED) {
      status = Status.DISABLED;
      sessionGeneration++;
    }
  }

  public void enable() {
    if (status == Status.DISABLED) {
      status = emailVerifiedAt != null ? Status.ACTIVE : Status.PENDING_VERIFICATION;
    }
  }

  /** True while a session signed in at {@code generation} may go on working. */
  public boolean acceptsSession(int generation) {
    return status == Status.ACTIVE && sessionGeneration == generation;
  }

  public int getSessionGeneration() {
    return sessionGeneration;
  }

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getEmailVerifiedAt() {
    return emailVerifiedAt;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
