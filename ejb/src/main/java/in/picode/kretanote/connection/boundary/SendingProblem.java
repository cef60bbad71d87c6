package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;

/**
 * One line of the "Why can't I send?" panel: what is wrong, why (one or more sentences), and what
 * to do, as wordings the page words in the reader's language. {@code blocking} is true when nothing
 * can be sent while it lasts.
 */
public record SendingProblem(
    Wording title, List<Wording> explanation, Wording fix, boolean blocking) {

  public SendingProblem {
    explanation = List.copyOf(explanation);
  }

  // Bean-style accessors for Faces pages (Expression Language 5 does not read record components).

  public Wording getTitle() {
    return title;
  }

  public List<Wording> getExplanation() {
    return explanation;
  }

  public Wording getFix() {
    return fix;
  }

  public boolean isBlocking() {
    return blocking;
  }
}
