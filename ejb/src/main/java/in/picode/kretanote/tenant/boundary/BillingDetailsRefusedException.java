package in.picode.kretanote.tenant.boundary;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Billing details refused, every field's problem at once (field to sentence); nothing saved. */
@ApplicationException(rollback = true)
public class BillingDetailsRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final LinkedHashMap<String, String> problems;

  public BillingDetailsRefusedException(Map<String, String> problems) {
    super(String.join(" ", problems.values()));
    this.problems = new LinkedHashMap<>(problems);
  }

  public Map<String, String> problems() {
    return Map.copyOf(problems);
  }
}
