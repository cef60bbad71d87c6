package in.picode.kretanote.connection.boundary;

/**
 * One line of the "Why can't I send?" panel: what is wrong, why, and what to do. {@code blocking}
 * is true when nothing can be sent while it lasts.
 */
public record SendingProblem(String title, String explanation, String fix, boolean blocking) {

  // Bean-style accessors for Faces pages (Expression Language 5 does not read record components).

  public String getTitle() {
    return title;
  }

  public String getExplanation() {
    return explanation;
  }

  public String getFix() {
    return fix;
  }

  public boolean isBlocking() {
    return blocking;
  }
}
