package in.picode.kretanote.outbound.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A message with one or more shapes Meta refuses, all of them at once so the agent fixes the form
 * in one go. Its message is the English list; {@link #problems} carries the codes to translate.
 */
public class InvalidContentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<ContentProblem> problems;

  public InvalidContentException(List<ContentProblem> problems) {
    super(problems.stream().map(ContentProblem::english).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ContentProblem> problems() {
    return problems;
  }
}
