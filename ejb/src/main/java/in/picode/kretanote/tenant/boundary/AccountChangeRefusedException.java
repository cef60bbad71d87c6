package in.picode.kretanote.tenant.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An account action (password reset, joining, inviting, changing a team member) was refused for a
 * reason the page shows as it is; the transaction rolls back, so nothing changed. {@code field}
 * names the form field the message belongs to, or is null for the page as a whole.
 */
@ApplicationException(rollback = true)
public class AccountChangeRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public AccountChangeRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public static AccountChangeRefusedException page(String message) {
    return new AccountChangeRefusedException(null, message);
  }

  public String field() {
    return field;
  }
}
