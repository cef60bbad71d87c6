package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A settings change that cannot be saved; every problem, for the page in its language. */
@ApplicationException(rollback = true)
public class CsatRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public CsatRefusedException(List<Wording> problems) {
    super(problems);
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public CsatRefusedException(String message) {
    this(List.of(Wording.unworded(message)));
  }
}
