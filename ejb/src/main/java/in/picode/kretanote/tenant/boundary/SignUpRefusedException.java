package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-up refused; nothing was created. {@link #problems()} holds every field's problem (field name
 * to sentence), so the form shows them all at once next to their fields; {@link #byField()} the
 * same as wordings, for the page's language.
 */
@ApplicationException(rollback = true)
public class SignUpRefusedException extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;
  private final LinkedHashMap<String, Wording> problems;

  public SignUpRefusedException(String field, Wording problem) {
    this(Map.of(field, problem));
  }

  public SignUpRefusedException(Map<String, Wording> problems) {
    super(String.join(" ", Wording.english(List.copyOf(problems.values()))));
    this.problems = new LinkedHashMap<>(problems);
  }

  /** The first field concerned. */
  public String field() {
    return problems.keySet().iterator().next();
  }

  /** Each field's problem in English. */
  public Map<String, String> problems() {
    Map<String, String> english = new LinkedHashMap<>();
    problems.forEach((field, w) -> english.put(field, w.english()));
    return english;
  }

  /** Each field's problem, in the order of the form. */
  public Map<String, Wording> byField() {
    return new LinkedHashMap<>(problems);
  }

  @Override
  public List<Wording> wordings() {
    return List.copyOf(problems.values());
  }
}
