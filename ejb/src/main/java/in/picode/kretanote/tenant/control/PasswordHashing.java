package in.picode.kretanote.tenant.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256 through Jakarta Security's {@link Pbkdf2PasswordHash}, at the iteration count
 * OWASP asks for (600,000; the API's default of 2,048 is far too low). The stored form carries
 * algorithm, iterations and salt ({@code PBKDF2WithHmacSHA256:600000:salt:hash}), so a hash made
 * with weaker parameters is recognised and replaced at the next successful sign-in. Every hash
 * holds a {@link HashingPermits} permit, so a flood cannot take all cores.
 */
@Dependent
public class PasswordHashing {

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject HashingPermits permits;

  @Inject
  @ConfigProperty(name = "kretanote.security.pbkdf2-iterations", defaultValue = "600000")
  int iterations;

  private boolean initialized;

  private Pbkdf2PasswordHash hasher() {
    if (!initialized) {
      if (iterations < 600_000) {
        throw new IllegalStateException(
            "kretanote.security.pbkdf2-iterations must be at least 600000, got " + iterations);
      }
      pbkdf2.initialize(
          Map.of(
              "Pbkdf2PasswordHash.Algorithm",
              ALGORITHM,
              "Pbkdf2PasswordHash.Iterations",
              Integer.toString(iterations),
              "Pbkdf2PasswordHash.SaltSizeBytes",
              "32",
              "Pbkdf2PasswordHash.KeySizeBytes",
              "32"));
      initialized = true;
    }
    return pbkdf2;
  }

  public String hash(String password) {
    return permits.run(false, () -> hasher().generate(password.toCharArray()));
  }

  /**
   * A hash for an account that anonymous visitors create (sign-up, join): limited to a share of the
   * permits, so a flood of them leaves room for sign-ins.
   */
  public String hashForNewAccount(String password) {
    return permits.run(true, () -> hasher().generate(password.toCharArray()));
  }

  public boolean verify(String password, String stored) {
    return permits.run(false, () -> hasher().verify(password.toCharArray(), stored));
  }

  /** True when {@code stored} was made with another algorithm or fewer iterations than now. */
  public boolean needsRehash(String stored) {
    String[] parts = stored.split(":");
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
      return true;
    }
    try {
      return Integer.parseInt(parts[1]) < iterations;
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
