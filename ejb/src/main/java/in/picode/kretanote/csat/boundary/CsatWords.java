package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/** What the satisfaction-survey settings say to a user, as codes. */
public enum CsatWords implements Wording.Code {
  QUESTION_LENGTH("The question needs 1 to {0,number,#} characters."),
  COMMENT_MINUTES("Comment minutes must be between 0 and {0,number,#}."),
  TEMPLATE_LANGUAGE("Pick the template''s language.");

  private final String pattern;

  CsatWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
