package in.picode.kretanote.retention.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A retention setting, account deletion or data-subject request was refused for a reason the page
 * shows as it is (wrong password, wrong tenant name, a period out of range, an unknown contact).
 * The transaction rolls back, so nothing changed.
 */
@ApplicationException(rollback = true)
public class PrivacyRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PrivacyRefusedException(String message) {
    super(message);
  }
}
