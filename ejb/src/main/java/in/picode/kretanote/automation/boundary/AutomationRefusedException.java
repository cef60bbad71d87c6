package in.picode.kretanote.automation.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A save refused with every problem found; nothing was written. */
@ApplicationException(rollback = true)
public class AutomationRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public AutomationRefusedException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public AutomationRefusedException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
