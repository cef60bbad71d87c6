package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A team or routing change that was refused, with a sentence per problem for the user (all of a
 * form's problems at once); nothing changed.
 */
@ApplicationException(rollback = true)
public class RoutingRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public RoutingRefusedException(List<Wording> problems) {
    super(problems);
  }

  public RoutingRefusedException(Wording problem) {
    this(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public RoutingRefusedException(String problem) {
    this(Wording.unworded(problem));
  }
}
