package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.FieldsRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * Sign-up refused; nothing was created. {@link #problems()} holds every field's problem (field name
 * to sentence), so the form shows them all at once next to their fields; {@link #byField()} the
 * same as wordings, for the page's language.
 */
@ApplicationException(rollback = true)
public class SignUpRefusedException extends FieldsRefusal {

  private static final long serialVersionUID = 1L;

  public SignUpRefusedException(String field, Wording problem) {
    this(Map.of(field, problem));
  }

  public SignUpRefusedException(Map<String, Wording> problems) {
    super(problems);
  }
}
