package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A billing request that cannot be done as asked (unknown plan, seats out of range, currency of
 * another plan, ...). The message is for the user; the transaction rolls back, so nothing is half
 * applied.
 */
@ApplicationException(rollback = true)
public class BillingRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public BillingRefusedException(List<Wording> problems) {
    super(problems);
  }

  public BillingRefusedException(Wording problem) {
    this(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public BillingRefusedException(String problem) {
    this(Wording.unworded(problem));
  }
}
