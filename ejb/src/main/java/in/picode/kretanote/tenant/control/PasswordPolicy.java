package in.picode.kretanote.tenant.control;

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
  public static Optional<String> violation(String password, String email) {
    if (password == null || password.length() < MIN) {
      return Optional.of("The password needs at least " + MIN + " characters.");
    }
    if (password.length() > MAX) {
      return Optional.of("The password can have at most " + MAX + " characters.");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("The password needs at least 4 different characters.");
    }
    if (email != null && !email.isBlank()) {
      String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
      String lower = password.toLowerCase(Locale.ROOT);
      if (lower.equals(email.toLowerCase(Locale.ROOT))
          || (local.length() >= 4 && lower.contains(local))) {
        return Optional.of("The password must not contain your email address.");
      }
    }
    return Optional.empty();
  }
}
