package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.control.PasswordPolicy;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** The platform operators' accounts (no tenant; they see tenants and health, never content). */
@Stateless
public class Operators {

  public enum FirstOperator {
    CREATED,
    ALREADY_PRESENT,
    EMAIL_TAKEN
  }

  static final String DISPLAY_NAME = "Platform operator";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject PasswordHashing passwords;

  private final Clock clock = Clock.systemUTC();

  public boolean anyExists() {
    return em.createNamedQuery(UserAccount.COUNT_BY_ROLE, Long.class)
            .setParameter("role", Role.OPERATOR)
            .getSingleResult()
        > 0;
  }

  /**
   * Creates an active operator with {@code email} and {@code password} unless an operator exists. A
   * password the policy refuses is refused here too (the message names the rule, never the
   * password).
   */
  public FirstOperator createFirst(String email, String password) {
    if (anyExists()) {
      return FirstOperator.ALREADY_PRESENT;
    }
    if (email == null || email.isBlank() || !EMAIL.matcher(email.strip()).matches()) {
      throw new AccountChangeRefusedException("email", "kretanote.operator.email is not an email");
    }
    String normalized = UserAccount.normalizeEmail(email);
    PasswordPolicy.violation(password, normalized)
        .ifPresent(
            rule -> {
              throw new AccountChangeRefusedException("password", rule);
            });
    boolean taken =
        !em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", normalized)
            .getResultList()
            .isEmpty();
    if (taken) {
      return FirstOperator.EMAIL_TAKEN;
    }
    Instant now = Instant.now(clock);
    UserAccount operator =
        new UserAccount(
            null, normalized, DISPLAY_NAME, passwords.hash(password), Role.OPERATOR, now);
    operator.verifyEmail(now);
    em.persist(operator);
    em.flush();
    return FirstOperator.CREATED;
  }
}
