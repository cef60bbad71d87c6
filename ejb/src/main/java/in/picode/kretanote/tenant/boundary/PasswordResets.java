package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.control.PasswordPolicy;
import in.picode.kretanote.tenant.control.TokenCodec;
import in.picode.kretanote.tenant.entity.OneTimeToken;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Forgot password": a single-use link by mail, then a new password. The request answers the same
 * whether or not the address has an account, and mails a given address at most once per {@code
 * kretanote.security.reset-mail.interval}, so the form can neither list accounts nor flood a
 * mailbox. A completed reset clears the lockout, retires the user's other reset links and ends the
 * user's other sessions.
 */
@Stateless
public class PasswordResets {

  private static final System.Logger LOG = System.getLogger(PasswordResets.class.getName());

  public static final String INVALID_LINK = TenantWords.RESET_LINK_INVALID.with().english();

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject PasswordHashing passwords;
  @Inject AuditLog audit;
  @Inject Event<AccountMailRequested> mails;

  @Inject
  @ConfigProperty(name = "kretanote.security.reset-link.validity", defaultValue = "PT1H")
  Duration validity;

  @Inject
  @ConfigProperty(name = "kretanote.security.reset-mail.interval", defaultValue = "PT5M")
  Duration mailInterval;

  Clock clock = Clock.systemUTC();

  /**
   * Mails a reset link if {@code email} belongs to an account that may sign in and none was mailed
   * to it within the interval. Returns nothing either way: the page says the same to everyone.
   */
  public void request(String email, String clientAddress) {
    request(email, clientAddress, "en");
  }

  /**
   * As {@link #request(String, String)}; the mail is in the account's language, else in {@code
   * pageLanguage} (the forgotten-password page's).
   */
  public void request(String email, String clientAddress, String pageLanguage) {
    Optional<UserAccount> found = account(email);
    if (found.isEmpty() || found.get().getStatus() == UserAccount.Status.DISABLED) {
      return;
    }
    UserAccount user = found.get();
    Instant now = Instant.now(clock);
    long recent =
        em.createNamedQuery(OneTimeToken.COUNT_SINCE, Long.class)
            .setParameter("email", user.getEmail())
            .setParameter("purpose", OneTimeToken.Purpose.RESET_PASSWORD)
            .setParameter("since", now.minus(mailInterval))
            .getSingleResult();
    if (recent > 0) {
      return;
    }
    String token = TokenCodec.newToken();
    em.persist(
        new OneTimeToken(
            TokenCodec.hash(token),
            OneTimeToken.Purpose.RESET_PASSWORD,
            user.getTenantId(),
            user.getId(),
            user.getEmail(),
            null,
            now,
            now.plus(validity)));
    mails.fire(
        new AccountMailRequested(
            OneTimeToken.Purpose.RESET_PASSWORD,
            user.getEmail(),
            user.getDisplayName(),
            token,
            null,
            validity,
            user.getLanguage().or(() -> Languages.offered(pageLanguage)).orElse("en")));
    record(user, "PASSWORD_RESET_REQUESTED", null, clientAddress);
  }

  /** Whether the link still works, for the page to show the form or the refusal straight away. */
  public boolean usable(String token) {
    return usableToken(token, false).isPresent();
  }

  /**
   * Sets the new password and uses up the link. A password the policy refuses leaves the link
   * usable, so the user can try another one.
   */
  public void reset(String token, String newPassword, String clientAddress) {
    OneTimeToken t =
        usableToken(token, true)
            .orElseThrow(
                () -> AccountChangeRefusedException.page(TenantWords.RESET_LINK_INVALID.with()));
    UserAccount user = em.find(UserAccount.class, t.getUserId(), LockModeType.PESSIMISTIC_WRITE);
    if (user == null || user.getStatus() == UserAccount.Status.DISABLED) {
      throw AccountChangeRefusedException.page(TenantWords.RESET_LINK_INVALID.with());
    }
    PasswordPolicy.violation(newPassword, user.getEmail())
        .ifPresent(
            message -> {
              throw new AccountChangeRefusedException("password", message);
            });
    Instant now = Instant.now(clock);
    t.use(now);
    em.createNamedQuery(OneTimeToken.RETIRE_FOR_USER)
        .setParameter("now", now)
        .setParameter("user", user.getId())
        .setParameter("purpose", OneTimeToken.Purpose.RESET_PASSWORD)
        .executeUpdate();
    user.resetPassword(passwords.hash(newPassword), now);
    record(user, "PASSWORD_RESET", null, clientAddress);
  }

  private Optional<OneTimeToken> usableToken(String token, boolean lock) {
    if (!TokenCodec.looksValid(token)) {
      return Optional.empty();
    }
    byte[] hash = TokenCodec.hash(token);
    OneTimeToken t =
        lock
            ? em.find(OneTimeToken.class, hash, LockModeType.PESSIMISTIC_WRITE)
            : em.find(OneTimeToken.class, hash);
    if (t == null
        || t.getPurpose() != OneTimeToken.Purpose.RESET_PASSWORD
        || !t.isUsable(Instant.now(clock))) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  private Optional<UserAccount> account(String email) {
    if (email == null || email.isBlank() || email.length() > UserAccount.EMAIL_MAX) {
      return Optional.empty();
    }
    return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
        .setParameter("email", UserAccount.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }

  /** Operators belong to no tenant and so have no audit log; their resets go to the server log. */
  private void record(UserAccount user, String action, String detail, String clientAddress) {
    if (user.getTenantId() == null) {
      LOG.log(Level.INFO, "{0} for operator account {1}", action, user.getId());
      return;
    }
    Tenancy.runAs(
        user.getTenantId(),
        () -> audit.record(user.getId(), user.getEmail(), action, detail, clientAddress));
  }
}
