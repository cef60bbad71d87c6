package in.picode.kretanote.api.boundary;

import jakarta.ejb.ApplicationException;

/** A subscription that cannot be made as asked (URL, events); the message says why. */
@ApplicationException(rollback = true)
public class WebhookRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WebhookRefusedException(String message) {
    super(message);
  }
}
