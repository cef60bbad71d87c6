package in.picode.kretanote.api.boundary;

import jakarta.ejb.ApplicationException;

/** A key that cannot be created or changed as asked; the message says why, in words. */
@ApplicationException(rollback = true)
public class ApiKeyRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiKeyRefusedException(String message) {
    super(message);
  }
}
