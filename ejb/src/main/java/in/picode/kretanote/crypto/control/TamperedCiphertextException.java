package in.picode.kretanote.crypto.control;

import in.picode.kretanote.crypto.boundary.CryptoException;

/**
 * Authentication failed: a byte was changed, the value was truncated, or it was encrypted for
 * another tenant, purpose or key version. AES-GCM cannot tell these apart, so neither do we.
 */
public class TamperedCiphertextException extends CryptoException {

  public TamperedCiphertextException(String message) {
    super(message);
  }
}
