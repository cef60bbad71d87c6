package in.picode.kretanote.api.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Input the API refuses after it reached a boundary, with the JSON pointer of the field at fault;
 * the transaction rolls back, so nothing of the request stays.
 */
@ApplicationException(rollback = true)
public class ApiInputRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String pointer;

  public ApiInputRefusedException(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  public String pointer() {
    return pointer;
  }
}
