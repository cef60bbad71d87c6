package in.picode.kretanote.contact.boundary;

import jakarta.ejb.ApplicationException;

/** A change to contacts that was refused, with a sentence for the user; nothing was written. */
@ApplicationException(rollback = true)
public class ContactChangeRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ContactChangeRefusedException(String message) {
    super(message);
  }
}
