package in.picode.kretanote.crypto.boundary;

import in.picode.kretanote.crypto.control.EnvelopeCipher;
import in.picode.kretanote.crypto.control.PlatformSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The token vault's counterpart for secrets of the platform itself, which have no tenant and so no
 * tenant data key: a platform operator's authenticator secret. Each value has its own data key
 * wrapped by the key-encryption key (see {@link PlatformSeal}); nothing is stored in the clear, and
 * the KEK never leaves this feature.
 */
@ApplicationScoped
public class PlatformVault {

  private static final EnvelopeCipher CIPHER = new EnvelopeCipher();

  @Inject KeyEncryptionKeyConfig kekConfig;

  public byte[] encrypt(String purpose, byte[] plaintext) {
    return seal().seal(purpose, plaintext);
  }

  public byte[] decrypt(String purpose, byte[] sealed) {
    return seal().open(purpose, sealed);
  }

  /** False when the value is wrapped by a previous KEK: re-encrypt it during a rotation. */
  public boolean underCurrentKey(byte[] sealed) {
    return seal().underCurrent(sealed);
  }

  private PlatformSeal seal() {
    return new PlatformSeal(kekConfig.keys(), CIPHER);
  }
}
