package in.picode.kretanote.tenant.boundary;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-up refused; nothing was created. {@link #problems()} holds every field's problem (field name
 * to sentence), so the form shows them all at once next to their fields.
 */
@ApplicationException(rollback = true)
public class SignUpRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final LinkedHashMap<String, String> problems;

  public SignUpRefusedException(String field, String message) {
    this(Map.of(field, message));
  }

  public SignUpRefusedException(Map<String, String> problems) {
    super(String.join(" ", problems.values()));
    this.problems = new LinkedHashMap<>(problems);
  }

  /** The first field concerned. */
  public String field() {
    return problems.keySet().iterator().next();
  }

  public Map<String, String> problems() {
    return Map.copyOf(problems);
  }
}
