package in.picode.kretanote.platform.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form refused with every field's problem at once (field name to its wording, in the order of the
 * form), so the page shows them all next to their fields in the reader's language; the message is
 * the English sentences (logs, the public API).
 */
public abstract class FieldsRefusal extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;
  private final LinkedHashMap<String, Wording> problems;

  protected FieldsRefusal(Map<String, Wording> problems) {
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
