package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/** What the SLA settings say to a user, as codes. */
public enum SlaWords implements Wording.Code {
  FIRST_RESPONSE_RANGE("First response must be 1 to {0,number,#} minutes."),
  NEXT_RESPONSE_RANGE("Next response must be 1 to {0,number,#} minutes."),
  RESOLUTION_RANGE("Resolution must be 1 to {0,number,#} minutes."),
  NO_SUCH_TEAM("That team does not exist.");

  private final String pattern;

  SlaWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
