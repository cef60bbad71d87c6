package in.picode.kretanote.routing.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A team or routing change that was refused, with a sentence per problem for the user (all of a
 * form's problems at once); nothing changed.
 */
@ApplicationException(rollback = true)
public class RoutingRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public RoutingRefusedException(String message) {
    this(List.of(message));
  }

  public RoutingRefusedException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
