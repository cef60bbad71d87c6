package in.picode.kretanote.tenant.boundary;

import jakarta.ejb.ApplicationException;

/** Sign-up refused for a reason the form shows next to {@code field}; nothing was created. */
@ApplicationException(rollback = true)
public class SignUpRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public SignUpRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
