package in.picode.kretanote.crypto.boundary;

import static in.picode.kretanote.crypto.control.KeyEncryptionKeys.CURRENT_PROPERTY;
import static in.picode.kretanote.crypto.control.KeyEncryptionKeys.PREVIOUS_PROPERTY;
import static java.nio.charset.StandardCharsets.UTF_8;

import in.picode.kretanote.crypto.control.KeyConfigurationException;
import in.picode.kretanote.crypto.control.KeyEncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.microprofile.config.Config;

/**
 * The key-encryption keys from MicroProfile Config ({@value KeyEncryptionKeys#CURRENT_PROPERTY},
 * {@value KeyEncryptionKeys#PREVIOUS_PROPERTY}), read on every use rather than injected once, so a
 * rotation takes effect without a restart as soon as Payara's config cache lets the new values
 * through. They are parsed again only when they change; to notice a change this bean keeps a
 * SHA-256 digest of the raw values, never the values.
 *
 * <p>A missing or invalid configuration does not stop the deployment: everything that needs no key
 * keeps working, and every vault call that does fails with a {@link KeyConfigurationException}
 * naming the property. The log shows which key ids each server has loaded, which is how an operator
 * checks that a rotation step reached every instance.
 */
@ApplicationScoped
public class KeyEncryptionKeyConfig {

  private static final System.Logger LOG = System.getLogger(KeyEncryptionKeyConfig.class.getName());

  @Inject Config config;

  private volatile Loaded loaded;

  /** Exactly one of keys and failure is set. */
  private record Loaded(byte[] digest, KeyEncryptionKeys keys, String failure) {}

  /**
   * The configured keys.
   *
   * @throws KeyConfigurationException when the configuration is missing or invalid
   */
  public KeyEncryptionKeys keys() {
    String current = config.getOptionalValue(CURRENT_PROPERTY, String.class).orElse(null);
    String previous = config.getOptionalValue(PREVIOUS_PROPERTY, String.class).orElse(null);
    byte[] digest = digest(current, previous);
    Loaded l = loaded;
    if (l == null || !MessageDigest.isEqual(l.digest(), digest)) {
      l = load(current, previous, digest);
      loaded = l;
    }
    if (l.failure() != null) {
      throw new KeyConfigurationException(l.failure());
    }
    return l.keys();
  }

  private static Loaded load(String current, String previous, byte[] digest) {
    try {
      KeyEncryptionKeys keys = KeyEncryptionKeys.parse(current, previous);
      LOG.log(
          Level.INFO,
          "Key-encryption keys loaded: current {0}, also accepted for unwrapping {1}",
          keys.current().id(),
          keys.previousIds());
      return new Loaded(digest, keys, null);
    } catch (KeyConfigurationException e) {
      LOG.log(Level.ERROR, "Key-encryption key configuration rejected: {0}", e.getMessage());
      return new Loaded(digest, null, e.getMessage());
    }
  }

  private static byte[] digest(String current, String previous) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String value : new String[] {current, previous}) {
        if (value == null) {
          sha.update((byte) 0);
        } else {
          sha.update((byte) 1);
          byte[] bytes = value.getBytes(UTF_8);
          sha.update(bytes);
          sha.update((byte) 0);
        }
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
