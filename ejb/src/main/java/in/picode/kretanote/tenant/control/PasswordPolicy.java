package in.picode.kretanote.tenant.control;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.tenant.boundary.TenantWords;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a new password must meet, each with the sentence the form shows. Length over
 * composition, as NIST SP 800-63B advises; the upper bound keeps PBKDF2 input reasonable.
 */
public final class PasswordPolicy {

  public static final int MIN = 12;
  public static final int MAX = 128;

  private PasswordPolicy() {}

  /** The first rule {@code password} breaks, or empty when it is acceptable. */
  public static Optional<Wording> violation(String password, String email) {
    if (password == null || password.length() < MIN) {
      return Optional.of(TenantWords.PASSWORD_SHORT.with(MIN));
    }
    if (password.length() > MAX) {
      return Optional.of(TenantWords.PASSWORD_LONG.with(MAX));
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of(TenantWords.PASSWORD_VARIETY.with());
    }
    if (email != null && !email.isBlank()) {
      String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
      String lower = password.toLowerCase(Locale.ROOT);
      if (lower.equals(email.toLowerCase(Locale.ROOT))
          || (local.length() >= 4 && lower.contains(local))) {
        return Optional.of(TenantWords.PASSWORD_EMAIL.with());
      }
    }
    return Optional.empty();
  }
}
