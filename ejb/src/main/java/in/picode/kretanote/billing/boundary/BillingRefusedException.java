package in.picode.kretanote.billing.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A billing request that cannot be done as asked (unknown plan, seats out of range, currency of
 * another plan, ...). The message is for the user; the transaction rolls back, so nothing is half
 * applied.
 */
@ApplicationException(rollback = true)
public class BillingRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BillingRefusedException(String message) {
    super(message);
  }
}
