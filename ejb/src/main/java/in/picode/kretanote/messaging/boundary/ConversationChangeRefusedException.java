package in.picode.kretanote.messaging.boundary;

import jakarta.ejb.ApplicationException;

/** A conversation change that was refused, with a sentence for the agent; nothing changed. */
@ApplicationException(rollback = true)
public class ConversationChangeRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConversationChangeRefusedException(String message) {
    super(message);
  }
}
