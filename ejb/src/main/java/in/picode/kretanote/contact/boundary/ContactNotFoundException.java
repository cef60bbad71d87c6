package in.picode.kretanote.contact.boundary;

import jakarta.ejb.ApplicationException;

/** No contact with that id in the current tenant (which is also what another tenant's id gives). */
@ApplicationException(rollback = true)
public class ContactNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ContactNotFoundException(long id) {
    super("No contact " + id);
  }
}
