package in.picode.kretanote.tenant.boundary;

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
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A business signs up: tenant, owner and verification link in one transaction, so a refusal leaves
 * nothing behind; the verification mail goes out only after the commit.
 */
@Stateless
public class SignUps {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Validator validator;
  @Inject PasswordHashing passwords;
  @Inject Event<AccountMailRequested> mails;

  @Inject
  @ConfigProperty(name = "kretanote.security.verification-link.validity", defaultValue = "PT48H")
  Duration verificationValidity;

  private final Clock clock = Clock.systemUTC();

  public record Created(long tenantId, long ownerId) {}

  public Created signUp(SignUpForm form) {
    validator.validate(form).stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(
            v -> {
              throw refusal(v);
            });
    refuseMarkup("companyName", form.companyName(), Subject.BUSINESS_NAME);
    refuseMarkup("ownerName", form.ownerName(), Subject.PERSON_NAME);
    refuseMarkup("legalName", form.legalName(), Subject.BUSINESS_NAME);
    Optional<String> weak = PasswordPolicy.violation(form.password(), form.email());
    if (weak.isPresent()) {
      throw new SignUpRefusedException("password", weak.get());
    }
    String email = UserAccount.normalizeEmail(form.email());
    if (emailTaken(email)) {
      throw new SignUpRefusedException(
          "email",
          "This email address cannot be used for a new account. If it is yours, sign in or"
              + " reset your password.");
    }
    Instant now = Instant.now(clock);
    Tenant tenant = new Tenant(form.companyName(), now);
    tenant.billingProfile(
        form.legalName().strip(),
        form.addressLine().strip(),
        form.postalCode() == null ? null : form.postalCode().strip(),
        form.city().strip(),
        form.country(),
        form.taxId());
    em.persist(tenant);
    em.flush();
    UserAccount owner =
        new UserAccount(
            tenant.getId(),
            email,
            form.ownerName(),
            passwords.hash(form.password()),
            Role.OWNER,
            now);
    em.persist(owner);
    em.flush();
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
            now.plus(verificationValidity)));
    mails.fire(
        new AccountMailRequested(
            OneTimeToken.Purpose.VERIFY_EMAIL,
            email,
            owner.getDisplayName(),
            token,
            tenant.getName(),
            verificationValidity));
    return new Created(tenant.getId(), owner.getId());
  }

  private static void refuseMarkup(String field, String value, Subject subject) {
    if (PlainText.hasMarkup(value)) {
      throw new SignUpRefusedException(field, PlainText.refusal(subject));
    }
  }

  /**
   * Confirms the address behind a verification link. Returns false for an unknown, used or expired
   * link; the page then offers to send a new one.
   */
  public boolean verifyEmail(String token) {
    if (!TokenCodec.looksValid(token)) {
      return false;
    }
    OneTimeToken t = em.find(OneTimeToken.class, TokenCodec.hash(token));
    Instant now = Instant.now(clock);
    if (t == null || t.getPurpose() != OneTimeToken.Purpose.VERIFY_EMAIL || !t.isUsable(now)) {
      return false;
    }
    t.use(now);
    UserAccount user = em.find(UserAccount.class, t.getUserId());
    if (user == null) {
      return false;
    }
    user.verifyEmail(now);
    return true;
  }

  private boolean emailTaken(String email) {
    return !em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
        .setParameter("email", email)
        .getResultList()
        .isEmpty();
  }

  private static SignUpRefusedException refusal(ConstraintViolation<SignUpForm> v) {
    return new SignUpRefusedException(v.getPropertyPath().toString(), v.getMessage());
  }
}
