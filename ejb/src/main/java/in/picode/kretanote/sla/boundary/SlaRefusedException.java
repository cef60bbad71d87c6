package in.picode.kretanote.sla.boundary;

import jakarta.ejb.ApplicationException;

/** SLA targets that cannot be saved; the message lists every problem for the page. */
@ApplicationException(rollback = true)
public class SlaRefusedException extends RuntimeException {

  public SlaRefusedException(String message) {
    super(message);
  }
}
