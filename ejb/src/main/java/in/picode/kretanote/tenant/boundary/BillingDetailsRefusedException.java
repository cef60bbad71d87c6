package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.FieldsRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * Billing details refused, every field's problem at once (field to sentence, or to its wording for
 * the page's language); nothing saved.
 */
@ApplicationException(rollback = true)
public class BillingDetailsRefusedException extends FieldsRefusal {

  private static final long serialVersionUID = 1L;

  public BillingDetailsRefusedException(Map<String, Wording> problems) {
    super(problems);
  }
}
