package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.crypto.boundary.PlatformVault;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.control.RecoveryCodes;
import in.picode.kretanote.tenant.control.SignInDelays;
import in.picode.kretanote.tenant.control.Totp;
import in.picode.kretanote.tenant.entity.Passkey;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.SecondFactor;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Authenticator-app second factors: set up (confirmed by a first code), checked at sign-in (a TOTP
 * code once per time step, or a recovery code once), turned off or given new recovery codes only
 * with a valid code, and reset by the platform operator when a user lost both the app and the
 * codes. An owner may require one for the whole business. Every change is in the tenant's audit
 * log. Platform operators (no tenant, no data key) can set one up too: their secret is sealed with
 * a platform-level key ({@link PlatformVault}) and their changes are written to the server log.
 */
@Stateless
public class SecondFactors {

  static final String PURPOSE = "totp-secret";
  static final String OPERATOR_PURPOSE = "operator-totp-secret";
  private static final System.Logger LOG = System.getLogger(SecondFactors.class.getName());
  static final String ISSUER = "KretaNote";

  /** What a typed code came to at sign-in. */
  public enum Check {
    CODE_ACCEPTED,
    RECOVERY_CODE_ACCEPTED,
    REFUSED,
    TOO_EARLY
  }

  /** A secret offered for set-up; nothing is stored until a code from it is confirmed. */
  public record Offer(String secret, String otpauthUri) {}

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TokenVault vault;
  @Inject PlatformVault platformVault;
  @Inject AuditLog audit;
  @Inject SignIns signIns;

  Clock clock = Clock.systemUTC();

  public boolean enabled(long userId) {
    return em.find(SecondFactor.class, userId) != null;
  }

  public int recoveryCodesLeft(long userId) {
    return Optional.ofNullable(em.find(SecondFactor.class, userId))
        .map(f -> RecoveryCodes.remaining(f.getRecoveryCodes()))
        .orElse(0);
  }

  public Offer offer(long userId) {
    UserAccount user = factorUser(userId);
    byte[] secret = Totp.newSecret();
    return new Offer(Totp.base32(secret), Totp.otpauthUri(ISSUER, user.getEmail(), secret));
  }

  /** Turns the factor on when the code matches the offered secret; answers the recovery codes. */
  public List<String> enable(long userId, String offeredSecret, String code, String address) {
    UserAccount user = factorUser(userId);
    if (em.find(SecondFactor.class, userId) != null) {
      throw AccountChangeRefusedException.page(TenantWords.FACTOR_EXISTS.with());
    }
    byte[] secret = Totp.fromBase32(offeredSecret);
    OptionalLong step = Totp.match(secret, code, Instant.now(clock), 0);
    if (step.isEmpty()) {
      throw new AccountChangeRefusedException("code", TenantWords.CODE_MISMATCH.with());
    }
    List<String> codes = RecoveryCodes.generate();
    em.persist(
        new SecondFactor(
            userId,
            user.getTenantId(),
            seal(user.getTenantId(), secret),
            Instant.now(clock),
            step.getAsLong(),
            RecoveryCodes.hashes(codes)));
    record(user, "SECOND_FACTOR_ENABLED", null, address);
    return codes;
  }

  /**
   * Checks a sign-in code; a code of an already used time step, or a used recovery code, fails.
   * Wrong codes make the next try wait as wrong passwords do ({@link SignIns#delays()}), counted on
   * the factor itself: the right password does not reset them, so knowing it does not open an
   * endless run of code guesses. A try before the wait is over is refused unchecked.
   */
  public Check check(long userId, String code) {
    SecondFactor factor = em.find(SecondFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (factor == null || code == null || code.isBlank()) {
      return Check.REFUSED;
    }
    Instant now = Instant.now(clock);
    SignInDelays delays = signIns.delays();
    int counted = delays.stillCounted(factor.getFailedCodes(), factor.getLastFailedAt(), now);
    if (counted > 0 && factor.getLastFailedAt().plus(delays.after(counted)).isAfter(now)) {
      return Check.TOO_EARLY;
    }
    byte[] secret = open(factor);
    OptionalLong step = Totp.match(secret, code, now, factor.getLastStep());
    if (step.isPresent()) {
      factor.used(step.getAsLong());
      if (factor.getTenantId() == null && !platformVault.underCurrentKey(factor.getSecret())) {
        factor.replaceSecret(seal(null, secret)); // after a key-encryption key rotation
      }
      factor.succeeded();
      return Check.CODE_ACCEPTED;
    }
    Optional<String> rest = RecoveryCodes.consume(factor.getRecoveryCodes(), code);
    if (rest.isPresent()) {
      factor.replaceRecoveryCodes(rest.get());
      factor.succeeded();
      record(em.find(UserAccount.class, userId), "RECOVERY_CODE_USED", left(rest.get()), null);
      return Check.RECOVERY_CODE_ACCEPTED;
    }
    factor.failed(counted, now);
    return Check.REFUSED;
  }

  public void disable(long userId, String code, String address) {
    UserAccount user = factorUser(userId);
    requireCode(userId, code);
    if (requiredFor(user.getTenantId()) && passkeyCount(user.getTenantId(), userId) == 0) {
      throw AccountChangeRefusedException.page(TenantWords.FACTOR_REQUIRED.with());
    }
    em.remove(em.find(SecondFactor.class, userId));
    record(user, "SECOND_FACTOR_DISABLED", null, address);
  }

  /** Whether the user has any second factor: the authenticator app or a passkey. */
  public boolean anyFactor(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    return user != null
        && (em.find(SecondFactor.class, userId) != null
            || user.getTenantId() != null && passkeyCount(user.getTenantId(), userId) > 0);
  }

  private long passkeyCount(long tenantId, long userId) {
    return em.createNamedQuery(Passkey.COUNT_OF_USER, Long.class)
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .getSingleResult();
  }

  public List<String> newRecoveryCodes(long userId, String code, String address) {
    UserAccount user = factorUser(userId);
    requireCode(userId, code);
    List<String> codes = RecoveryCodes.generate();
    em.find(SecondFactor.class, userId).replaceRecoveryCodes(RecoveryCodes.hashes(codes));
    record(user, "RECOVERY_CODES_RENEWED", null, address);
    return codes;
  }

  /** Whether the user's business requires a second factor of everyone. */
  public boolean requiredForUser(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    return user != null && requiredFor(user.getTenantId());
  }

  public boolean requiredFor(Long tenantId) {
    return required(em, tenantId);
  }

  static boolean required(EntityManager em, Long tenantId) {
    return tenantId != null && em.find(Tenant.class, tenantId).isRequireSecondFactor();
  }

  /** The owner's switch; turning it on needs the owner's own factor first (no self-lockout). */
  public void require(long ownerId, boolean required, String address) {
    UserAccount owner = tenantUser(ownerId);
    if (owner.getRole() != Role.OWNER) {
      throw AccountChangeRefusedException.page(TenantWords.FACTOR_POLICY_BY_OWNER.with());
    }
    if (required && !anyFactor(ownerId)) {
      throw AccountChangeRefusedException.page(TenantWords.FACTOR_OWN_FIRST.with());
    }
    em.find(Tenant.class, owner.getTenantId()).requireSecondFactor(required);
    record(
        owner, required ? "SECOND_FACTOR_REQUIRED" : "SECOND_FACTOR_NOT_REQUIRED", null, address);
  }

  /**
   * The recovery path for a user who lost both the app and the codes: the platform operator, after
   * checking the person's identity out of band, removes the factor; the user signs in with the
   * password and sets up a new one. Recorded in the user's business's audit log with the operator's
   * email.
   */
  public void resetByOperator(
      String operatorEmail, String userEmail, String reason, String address) {
    UserAccount user =
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", normalized(userEmail))
            .getResultStream()
            .filter(u -> u.getTenantId() != null)
            .findFirst()
            .orElseThrow(
                () ->
                    new AccountChangeRefusedException(
                        "email", TenantWords.NO_MEMBER_WITH_EMAIL.with()));
    SecondFactor factor = em.find(SecondFactor.class, user.getId());
    if (factor == null) {
      throw AccountChangeRefusedException.page(TenantWords.NO_FACTOR.with());
    }
    if (reason == null || reason.isBlank()) {
      throw new AccountChangeRefusedException("reason", TenantWords.FACTOR_RESET_REASON.with());
    }
    em.remove(factor);
    Tenancy.runAs(
        user.getTenantId(),
        () ->
            audit.record(
                null,
                operatorEmail,
                "SECOND_FACTOR_RESET_BY_OPERATOR",
                user.getEmail() + ": " + reason.strip(),
                address));
  }

  private static String normalized(String email) {
    try {
      return UserAccount.normalizeEmail(email == null ? "" : email);
    } catch (IllegalArgumentException e) {
      throw new AccountChangeRefusedException("email", TenantWords.MEMBER_EMAIL_MISSING.with());
    }
  }

  private void requireCode(long userId, String code) {
    Check check = check(userId, code);
    if (check == Check.TOO_EARLY) {
      throw new AccountChangeRefusedException("code", TenantWords.CODE_TOO_MANY.with());
    }
    if (check == Check.REFUSED) {
      throw new AccountChangeRefusedException("code", TenantWords.CODE_INVALID.with());
    }
  }

  /** A tenant's secret under its data key; an operator's under a platform key. */
  private byte[] seal(Long tenantId, byte[] secret) {
    return tenantId == null
        ? platformVault.encrypt(OPERATOR_PURPOSE, secret)
        : vault.encrypt(tenantId, PURPOSE, secret);
  }

  private byte[] open(SecondFactor factor) {
    return factor.getTenantId() == null
        ? platformVault.decrypt(OPERATOR_PURPOSE, factor.getSecret())
        : vault.decrypt(factor.getTenantId(), PURPOSE, factor.getSecret());
  }

  /** A member of a business, or a platform operator. */
  private UserAccount factorUser(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    if (user != null && user.getTenantId() == null && user.getRole() == Role.OPERATOR) {
      return user;
    }
    return tenantUser(userId);
  }

  private UserAccount tenantUser(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    if (user == null || user.getTenantId() == null) {
      throw AccountChangeRefusedException.page(TenantWords.FACTORS_FOR_MEMBERS.with());
    }
    return user;
  }

  private void record(UserAccount user, String action, String detail, String address) {
    if (user.getTenantId() == null) {
      // Operators have no business audit log; their changes go to the server log.
      LOG.log(
          System.Logger.Level.INFO,
          "Platform operator {0}: {1} from {2}",
          user.getEmail(),
          action,
          address);
      return;
    }
    Tenancy.runAs(
        user.getTenantId(),
        () -> audit.record(user.getId(), user.getEmail(), action, detail, address));
  }

  private static String left(String hashes) {
    return RecoveryCodes.remaining(hashes) + " recovery codes left";
  }
}
