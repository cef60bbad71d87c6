package in.picode.kretanote.tenant.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Too many password hashes are running on this server; nothing was changed. Pages answer 503 with
 * {@code Retry-After} so the person tries again in a few seconds.
 */
@ApplicationException(rollback = true)
public class HashingBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final long RETRY_AFTER_SECONDS = 5;

  public HashingBusyException() {
    super("The server is busy; please try again in a few seconds.");
  }
}
