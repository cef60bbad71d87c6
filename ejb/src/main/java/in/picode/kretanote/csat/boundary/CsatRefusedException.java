package in.picode.kretanote.csat.boundary;

import jakarta.ejb.ApplicationException;

/** A settings change that cannot be saved; the message lists every problem for the page. */
@ApplicationException(rollback = true)
public class CsatRefusedException extends RuntimeException {

  public CsatRefusedException(String message) {
    super(message);
  }
}
