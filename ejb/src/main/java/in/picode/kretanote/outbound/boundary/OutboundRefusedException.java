package in.picode.kretanote.outbound.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request to the outbound feature that cannot be carried out as asked (an unknown connection or
 * contact, a malformed template, a rate out of range); the message is the sentence to show. Nothing
 * was changed.
 */
@ApplicationException(rollback = true)
public class OutboundRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OutboundRefusedException(String message) {
    super(message);
  }
}
