package in.picode.kretanote.messaging.boundary;

import jakarta.ejb.ApplicationException;

/** No conversation with that id in the current tenant (another tenant's id gives the same). */
@ApplicationException(rollback = true)
public class ConversationNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConversationNotFoundException(long id) {
    super("No conversation " + id);
  }
}
