package in.picode.kretanote.automation.control;

import jakarta.ejb.ApplicationException;

/** An action could not be done: the guard refused the send, or the owning feature the change. */
@ApplicationException(rollback = true)
public class ActionRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ActionRefusedException(String reason) {
    super(reason);
  }
}
