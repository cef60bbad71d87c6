package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** SLA targets that cannot be saved; every problem, for the page in its language. */
@ApplicationException(rollback = true)
public class SlaRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public SlaRefusedException(List<Wording> problems) {
    super(problems);
  }

  public SlaRefusedException(Wording problem) {
    this(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public SlaRefusedException(String message) {
    this(Wording.unworded(message));
  }
}
