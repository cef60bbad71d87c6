package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A save refused with every problem found; nothing was written. */
@ApplicationException(rollback = true)
public class AutomationRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public AutomationRefusedException(List<Wording> problems) {
    super(problems);
  }

  public AutomationRefusedException(Wording problem) {
    this(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public AutomationRefusedException(String problem) {
    this(Wording.unworded(problem));
  }
}
