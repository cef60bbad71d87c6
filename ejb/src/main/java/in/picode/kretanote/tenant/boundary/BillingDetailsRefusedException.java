package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Billing details refused, every field's problem at once (field to sentence, or to its wording for
 * the page's language); nothing saved.
 */
@ApplicationException(rollback = true)
public class BillingDetailsRefusedException extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;
  private final LinkedHashMap<String, Wording> problems;

  public BillingDetailsRefusedException(Map<String, Wording> problems) {
    super(String.join(" ", Wording.english(List.copyOf(problems.values()))));
    this.problems = new LinkedHashMap<>(problems);
  }

  /** Each field's problem in English. */
  public Map<String, String> problems() {
    Map<String, String> english = new LinkedHashMap<>();
    problems.forEach((field, w) -> english.put(field, w.english()));
    return english;
  }

  /** Each field's problem. */
  public Map<String, Wording> byField() {
    return new LinkedHashMap<>(problems);
  }

  @Override
  public List<Wording> wordings() {
    return List.copyOf(problems.values());
  }
}
