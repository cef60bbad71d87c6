package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks an email and password, with two brakes on guessing: per account (after {@code
 * kretanote.security.lockout.attempts} wrong passwords within the window the account is locked for
 * the lockout period, and even the right password is refused until it ends) and per client address
 * (after {@code kretanote.security.address.attempts} failures within the window every attempt from
 * it is refused). Counters live in the database so all servers share them.
 */
@Stateless
public class SignIns {

  /**
   * The reason of a refused sign-in with the right password for an account whose tenant is being
   * deleted; the owner's cancellation page accepts exactly this outcome.
   */
  public static final String DELETION_PENDING = "tenant deletion pending";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject PasswordHashing passwords;

  @Inject
  @ConfigProperty(name = "kretanote.security.lockout.attempts", defaultValue = "5")
  int accountLimit;

  @Inject
  @ConfigProperty(name = "kretanote.security.address.attempts", defaultValue = "20")
  int addressLimit;

  @Inject
  @ConfigProperty(name = "kretanote.security.lockout.window", defaultValue = "PT15M")
  Duration window;

  @Inject
  @ConfigProperty(name = "kretanote.security.lockout.duration", defaultValue = "PT15M")
  Duration lockout;

  Clock clock = Clock.systemUTC();

  private static volatile String decoyHash;

  public SignInOutcome verify(String email, String password, String clientAddress) {
    Instant now = Instant.now(clock);
    String address = clientAddress == null ? "unknown" : clientAddress;
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return SignInOutcome.failed(null, null, null, "empty");
    }
    String normalized;
    try {
      normalized = UserAccount.normalizeEmail(email);
    } catch (IllegalArgumentException e) {
      return SignInOutcome.failed(null, null, null, "malformed email");
    }
    if (addressBlocked(address, now)) {
      return SignInOutcome.failed(null, null, normalized, "address throttled");
    }
    Optional<UserAccount> found =
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", normalized)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      // Same work as for a real account, so timing does not tell which emails exist.
      passwords.verify(password, decoy());
      countAddressFailure(address, now);
      return SignInOutcome.failed(null, null, normalized, "unknown email");
    }
    UserAccount user = found.get();
    if (user.isLocked(now)) {
      // Hash anyway: a locked account must take as long to answer as any other.
      passwords.verify(password, user.getPasswordHash());
      countAddressFailure(address, now);
      return SignInOutcome.failed(user.getId(), user.getTenantId(), normalized, "locked");
    }
    if (!passwords.verify(password, user.getPasswordHash())) {
      countAddressFailure(address, now);
      boolean locked = user.recordFailure(now, accountLimit, window, lockout);
      return SignInOutcome.failed(
          user.getId(), user.getTenantId(), normalized, locked ? "locked now" : "wrong password");
    }
    if (user.getStatus() != UserAccount.Status.ACTIVE) {
      return SignInOutcome.failed(
          user.getId(), user.getTenantId(), normalized, "status " + user.getStatus());
    }
    if (user.getTenantId() != null && tenantBeingDeleted(user.getTenantId())) {
      return SignInOutcome.failed(user.getId(), user.getTenantId(), normalized, DELETION_PENDING);
    }
    user.recordSignIn(now);
    if (passwords.needsRehash(user.getPasswordHash())) {
      user.changePasswordHash(passwords.hash(password));
    }
    return new SignInOutcome(
        true,
        user.getId(),
        user.getTenantId(),
        user.getEmail(),
        user.getRole(),
        "ok",
        user.getSessionGeneration());
  }

  /**
   * Whether a session signed in as {@code userId} at {@code generation} may go on: false once the
   * user was disabled, changed role or reset the password. Read from the database on every request
   * (the table is not cached), so it holds on every server at once.
   */
  public boolean stillSignedIn(long userId, int generation) {
    UserAccount user = em.find(UserAccount.class, userId);
    return user != null && user.acceptsSession(generation);
  }

  /** Whether the user exists and owns a tenant. */
  public boolean isOwner(Long userId) {
    UserAccount user = userId == null ? null : em.find(UserAccount.class, userId);
    return user != null && user.getRole() == Role.OWNER;
  }

  /** Sign-in is disabled for everyone from the deletion request on (retention feature). */
  /**
   * A wrong second-factor code counts like a wrong password, so knowing the password does not open
   * an endless run of code guesses: the account locks as it would. True when it locked now.
   */
  public boolean codeRefused(long userId) {
    UserAccount user = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
    return user != null && user.recordFailure(Instant.now(clock), accountLimit, window, lockout);
  }

  private boolean tenantBeingDeleted(long tenantId) {
    Tenant t = em.find(Tenant.class, tenantId);
    return t == null
        || t.getStatus() == Tenant.Status.DELETION_PENDING
        || t.getStatus() == Tenant.Status.DELETED;
  }

  private String decoy() {
    String d = decoyHash;
    if (d == null) {
      d = passwords.hash("decoy-password-" + System.nanoTime());
      decoyHash = d;
    }
    return d;
  }

  private boolean addressBlocked(String address, Instant now) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select failures, window_start from sign_in_throttle where client_address = ?")
                .setParameter(1, address)
                .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (row == null) {
      return false;
    }
    int failures = ((Number) row[0]).intValue();
    Instant start = ((Timestamp) row[1]).toInstant();
    return failures >= addressLimit && start.isAfter(now.minus(window));
  }

  /** One atomic upsert, so concurrent attempts from one address are all counted. */
  private void countAddressFailure(String address, Instant now) {
    Timestamp ts = Timestamp.from(now);
    Timestamp windowStart = Timestamp.from(now.minus(window));
    em.createNativeQuery(
            "insert into sign_in_throttle (client_address, window_start, failures) values (?, ?, 1)"
                + " on duplicate key update"
                + " failures = if(window_start < ?, 1, failures + 1),"
                + " window_start = if(window_start < ?, ?, window_start)")
        .setParameter(1, address)
        .setParameter(2, ts)
        .setParameter(3, windowStart)
        .setParameter(4, windowStart)
        .setParameter(5, ts)
        .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
        .executeUpdate();
  }
}
