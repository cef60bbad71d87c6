package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.control.SignInDelays;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks an email and password. The brake on guessing is a growing delay per (client address,
 * account): after {@code kretanote.security.sign-in.free-failures} failures in a row one client
 * must wait before its next try at that account, twice as long after each further failure (see
 * {@link SignInDelays}); a try that comes too early is refused without looking at the password.
 * Nothing is refused platform-wide or for the account as a whole, so a guesser delays only itself:
 * the owner signing in from another address, and other accounts tried from the guesser's address,
 * are not affected. The client address is resolved through the trusted proxies by the web tier. The
 * counters live in the database, their row locked for the attempt, so all servers share them and
 * parallel tries from one client are counted one after the other.
 */
@Stateless
public class SignIns {

  /**
   * The reason of a refused sign-in with the right password for an account whose tenant is being
   * deleted; the owner's cancellation page accepts exactly this outcome.
   */
  public static final String DELETION_PENDING = "tenant deletion pending";

  /** The reason of a try that came before the client's delay for this account ended. */
  public static final String DELAYED = "delayed";

  /** The reason of a wrong password that starts or lengthens a delay. */
  public static final String DELAY_STARTED = "delay started";

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject PasswordHashing passwords;

  @Inject
  @ConfigProperty(name = "kretanote.security.sign-in.free-failures", defaultValue = "5")
  int freeFailures;

  @Inject
  @ConfigProperty(name = "kretanote.security.sign-in.first-delay", defaultValue = "PT2S")
  Duration firstDelay;

  @Inject
  @ConfigProperty(name = "kretanote.security.sign-in.max-delay", defaultValue = "PT15M")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "kretanote.security.sign-in.forget-after", defaultValue = "PT1H")
  Duration forgetAfter;

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
    SignInDelays delays = delays();
    String account = accountKey(normalized);
    Attempts attempts = claim(address, account, now, delays);
    // No lock on the account row: a flood of tries at one account from many addresses must not
    // queue the owner's own sign-in behind their password hashing.
    Optional<UserAccount> found =
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", normalized)
            .getResultStream()
            .findFirst();
    if (attempts.nextAttempt().isAfter(now)) {
      return found
          .map(u -> SignInOutcome.failed(u.getId(), u.getTenantId(), normalized, DELAYED))
          .orElseGet(() -> SignInOutcome.failed(null, null, normalized, DELAYED));
    }
    if (found.isEmpty()) {
      // Same work as for a real account, so timing does not tell which emails exist.
      passwords.verify(password, decoy());
      countFailure(address, account, attempts, now, delays);
      return SignInOutcome.failed(null, null, normalized, "unknown email");
    }
    UserAccount user = found.get();
    if (!passwords.verify(password, user.getPasswordHash())) {
      boolean delayed = countFailure(address, account, attempts, now, delays);
      return SignInOutcome.failed(
          user.getId(), user.getTenantId(), normalized, delayed ? DELAY_STARTED : "wrong password");
    }
    forget(address, account);
    // Locked only now, for the few writes of a successful sign-in.
    user = em.find(UserAccount.class, user.getId(), LockModeType.PESSIMISTIC_WRITE);
    if (user.isLocked(now)) {
      // Locked by an earlier release (per-account lockout); expires by itself.
      return SignInOutcome.failed(user.getId(), user.getTenantId(), normalized, "locked");
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
  /** The configured growth of waits after failures; second-factor codes follow it too. */
  public SignInDelays delays() {
    return new SignInDelays(freeFailures, firstDelay, maxDelay, forgetAfter);
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

  /** The failures of this client at this account so far, with its row locked until commit. */
  private Attempts claim(String address, String account, Instant now, SignInDelays delays) {
    Timestamp ts = Timestamp.from(now);
    em.createNativeQuery(
            "insert ignore into sign_in_delay"
                + " (client_address, account_key, failures, last_failure_at, next_attempt_at)"
                + " values (?, ?, 0, ?, ?)")
        .setParameter(1, address)
        .setParameter(2, account)
        .setParameter(3, ts)
        .setParameter(4, ts)
        .setHint(NATIVE, "true")
        .executeUpdate();
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select failures, last_failure_at, next_attempt_at from sign_in_delay"
                        + " where client_address = ? and account_key = ? for update")
                .setParameter(1, address)
                .setParameter(2, account)
                .setHint(NATIVE, "true")
                .getSingleResult();
    Instant last = ((Timestamp) row[1]).toInstant();
    int failures = delays.stillCounted(((Number) row[0]).intValue(), last, now);
    Instant next = failures == 0 ? now : ((Timestamp) row[2]).toInstant();
    return new Attempts(failures, next);
  }

  /** Counts a failure; true when the client must now wait before its next try. */
  private boolean countFailure(
      String address, String account, Attempts attempts, Instant now, SignInDelays delays) {
    int failures = attempts.failures() + 1;
    Duration wait = delays.after(failures);
    em.createNativeQuery(
            "update sign_in_delay set failures = ?, last_failure_at = ?, next_attempt_at = ?"
                + " where client_address = ? and account_key = ?")
        .setParameter(1, failures)
        .setParameter(2, Timestamp.from(now))
        .setParameter(3, Timestamp.from(now.plus(wait)))
        .setParameter(4, address)
        .setParameter(5, account)
        .setHint(NATIVE, "true")
        .executeUpdate();
    // Rows of clients that went away; a few at a time, so no attempt pays for many.
    em.createNativeQuery("delete from sign_in_delay where last_failure_at < ? limit 20")
        .setParameter(1, Timestamp.from(now.minus(forgetAfter).minus(maxDelay)))
        .setHint(NATIVE, "true")
        .executeUpdate();
    return !wait.isZero();
  }

  private void forget(String address, String account) {
    em.createNativeQuery("delete from sign_in_delay where client_address = ? and account_key = ?")
        .setParameter(1, address)
        .setParameter(2, account)
        .setHint(NATIVE, "true")
        .executeUpdate();
  }

  /** The normalised email's SHA-256, so the table keeps no email. */
  static String accountKey(String normalizedEmail) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalizedEmail.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Attempts(int failures, Instant nextAttempt) {}
}
