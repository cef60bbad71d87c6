package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.platform.boundary.RequestLimits;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.PlainText;
import in.picode.kretanote.platform.control.PlainText.Subject;
import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.control.PasswordPolicy;
import in.picode.kretanote.tenant.control.TokenCodec;
import in.picode.kretanote.tenant.entity.OneTimeToken;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A business signs up: tenant, owner and verification link in one transaction, so a refusal leaves
 * nothing behind; the verification mail goes out only after the commit.
 *
 * <p>The form answers the same for every address that passes validation, so it cannot list
 * accounts: an address that already has an account gets a mail telling its owner that someone tried
 * to sign up with it (at most one per {@code kretanote.security.notice-mail.interval}) and nothing
 * else happens; the work done (one password hash) is the same. An address whose earlier sign-up was
 * never confirmed gets the new sign-up in place of the old one (name, company, billing details,
 * password), with a new link; the old link stops working. Confirming asks for the password chosen
 * at sign-up, so clicking the link alone never activates a password someone else chose: a sign-up
 * made with another person's address stays unusable for the person who made it. A sign-up that is
 * not confirmed within {@code kretanote.security.unverified-signup.expiry} cannot be confirmed any
 * more.
 */
@Stateless
public class SignUps {

  /** How opening a verification link ended. */
  public enum Verification {
    CONFIRMED,
    WRONG_PASSWORD,
    INVALID_LINK
  }

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Validator validator;
  @Inject PasswordHashing passwords;
  @Inject RequestLimits limits;
  @Inject Event<AccountMailRequested> mails;
  @Inject Event<AccountNoticeRequested> notices;

  @Inject
  @ConfigProperty(name = "kretanote.security.verification-link.validity", defaultValue = "PT48H")
  Duration verificationValidity;

  @Inject
  @ConfigProperty(name = "kretanote.security.unverified-signup.expiry", defaultValue = "PT48H")
  Duration unverifiedExpiry;

  @Inject
  @ConfigProperty(name = "kretanote.security.notice-mail.interval", defaultValue = "PT15M")
  Duration noticeInterval;

  private final Clock clock = Clock.systemUTC();

  public void signUp(SignUpForm form) {
    signUp(form, "en");
  }

  /**
   * As {@link #signUp(SignUpForm)}, the confirmation mailed in {@code language} (the tag of the
   * sign-up page's language; English when it is not offered).
   */
  public void signUp(SignUpForm form, String language) {
    Map<String, Wording> problems = new TreeMap<>(SignUps::formOrder);
    validator.validate(form).stream()
        .sorted(Comparator.comparing(v -> v.getMessage()))
        .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), TenantWords.of(v)));
    markup(problems, "companyName", form.companyName(), Subject.BUSINESS_NAME);
    markup(problems, "ownerName", form.ownerName(), Subject.PERSON_NAME);
    markup(problems, "legalName", form.legalName(), Subject.BUSINESS_NAME);
    PasswordPolicy.violation(form.password(), form.email())
        .ifPresent(weak -> problems.putIfAbsent("password", weak));
    if (form.hasBillingDetails()) {
      validator.validate(form.billingDetails()).stream()
          .sorted(Comparator.comparing(v -> v.getMessage()))
          .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), TenantWords.of(v)));
    }
    if (!problems.isEmpty()) {
      throw new SignUpRefusedException(problems);
    }
    String email = UserAccount.normalizeEmail(form.email());
    // Hashed on every path, so the time taken does not tell whether the address has an account.
    String hash = passwords.hashForNewAccount(form.password());
    Instant now = Instant.now(clock);
    Optional<UserAccount> existing =
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", email)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (existing.isPresent() && !existing.get().isUnverifiedSignUp()) {
      notifyExisting(existing.get());
      return;
    }
    Tenant tenant;
    UserAccount owner;
    if (existing.isPresent()) {
      owner = existing.get();
      tenant = em.find(Tenant.class, owner.getTenantId(), LockModeType.PESSIMISTIC_WRITE);
      tenant.rename(form.companyName());
      owner.restartSignUp(form.ownerName(), hash);
      em.createNamedQuery(OneTimeToken.RETIRE_FOR_USER)
          .setParameter("now", now)
          .setParameter("user", owner.getId())
          .setParameter("purpose", OneTimeToken.Purpose.VERIFY_EMAIL)
          .executeUpdate();
    } else {
      tenant = new Tenant(form.companyName(), now);
      em.persist(tenant);
      em.flush();
      owner = new UserAccount(tenant.getId(), email, form.ownerName(), hash, Role.OWNER, now);
      em.persist(owner);
    }
    if (form.hasBillingDetails()) {
      tenant.billingProfile(
          form.legalName().strip(),
          form.addressLine().strip(),
          form.postalCode() == null ? null : form.postalCode().strip(),
          form.city().strip(),
          form.country(),
          form.taxId());
    }
    em.flush();
    Duration validity =
        verificationValidity.compareTo(unverifiedExpiry) < 0
            ? verificationValidity
            : unverifiedExpiry;
    String token = TokenCodec.newToken();
    em.persist(
        new OneTimeToken(
            TokenCodec.hash(token),
            OneTimeToken.Purpose.VERIFY_EMAIL,
            tenant.getId(),
            owner.getId(),
            email,
            null,
            now,
            now.plus(validity)));
    mails.fire(
        new AccountMailRequested(
            OneTimeToken.Purpose.VERIFY_EMAIL,
            email,
            owner.getDisplayName(),
            token,
            tenant.getName(),
            validity,
            Languages.offered(language).orElse("en")));
  }

  /** Whether a verification link can still be used, so the page shows the form or the refusal. */
  public boolean verificationUsable(String token) {
    return usableToken(token, false).isPresent();
  }

  private static void markup(
      Map<String, Wording> problems, String field, String value, Subject subject) {
    if (PlainText.hasMarkup(value)) {
      problems.putIfAbsent(field, PlainText.refusal(subject));
    }
  }

  /** The form's order, so the problems read top to bottom. */
  private static int formOrder(String a, String b) {
    return Integer.compare(FIELDS.indexOf(a), FIELDS.indexOf(b)) != 0
        ? Integer.compare(FIELDS.indexOf(a), FIELDS.indexOf(b))
        : a.compareTo(b);
  }

  private static final List<String> FIELDS =
      List.of(
          "companyName",
          "ownerName",
          "email",
          "password",
          "legalName",
          "addressLine",
          "postalCode",
          "city",
          "country",
          "taxId");

  /**
   * Confirms the address behind a verification link, given the password chosen at sign-up. A wrong
   * password leaves the link usable (the person who made the sign-up may have mistyped); an
   * unknown, used or expired link, or a sign-up past its expiry, is {@code INVALID_LINK}.
   */
  public Verification verifyEmail(String token, String password) {
    Optional<OneTimeToken> usable = usableToken(token, true);
    if (usable.isEmpty()) {
      return Verification.INVALID_LINK;
    }
    OneTimeToken t = usable.get();
    UserAccount user = em.find(UserAccount.class, t.getUserId(), LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      return Verification.INVALID_LINK;
    }
    if (password == null
        || password.isEmpty()
        || !passwords.verify(password, user.getPasswordHash())) {
      return Verification.WRONG_PASSWORD;
    }
    Instant now = Instant.now(clock);
    t.use(now);
    user.verifyEmail(now);
    return Verification.CONFIRMED;
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
    Instant now = Instant.now(clock);
    if (t == null
        || t.getPurpose() != OneTimeToken.Purpose.VERIFY_EMAIL
        || !t.isUsable(now)
        || !t.getCreatedAt().plus(unverifiedExpiry).isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  /** At most one notice per address and interval, so the form cannot be used to flood a mailbox. */
  private void notifyExisting(UserAccount user) {
    if (user.getStatus() == UserAccount.Status.DISABLED) {
      return;
    }
    String bucket = "notice:" + HexFormat.of().formatHex(TokenCodec.hash(user.getEmail()));
    if (limits.hit(bucket, 1, noticeInterval).allowed()) {
      notices.fire(
          new AccountNoticeRequested(
              AccountNoticeRequested.Kind.SIGN_UP_WITH_EXISTING_ADDRESS,
              user.getEmail(),
              user.getDisplayName(),
              null,
              user.getLanguage().orElse(null)));
    }
  }
}
