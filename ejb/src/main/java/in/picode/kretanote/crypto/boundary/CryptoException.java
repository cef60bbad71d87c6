package in.picode.kretanote.crypto.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A value or key could not be used: the vault fails closed and says why, never with key material or
 * plaintext in the message.
 *
 * <p>An application exception that rolls back: a caller that does not catch it must not commit a
 * half-done change (a connection row without its token), and one that does catch it to record the
 * failure does so in a transaction of its own.
 */
@ApplicationException(rollback = true)
public abstract class CryptoException extends RuntimeException {

  protected CryptoException(String message) {
    super(message);
  }
}
