package in.picode.kretanote.crypto.control;

import in.picode.kretanote.crypto.boundary.CryptoException;

/**
 * The key a value or data key names does not exist, was destroyed, or is wrapped by a
 * key-encryption key this server is not configured with.
 */
public class UnknownKeyException extends CryptoException {

  public UnknownKeyException(String message) {
    super(message);
  }
}
