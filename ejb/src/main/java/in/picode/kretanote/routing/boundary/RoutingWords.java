package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/** What teams and routing say to a user, as codes. */
public enum RoutingWords implements Wording.Code {
  NOT_A_MEMBER("This person is not an active member of your business."),
  NO_TEAM("This team does not exist (any more)."),
  CHOOSE_MODE("Choose an assignment mode."),
  NAME_TAKEN("There is already a team called \"{0}\"."),
  TEAM_NAME_MISSING("Give the team a name."),
  TEAM_NAME_LONG("A team name can have at most {0} characters."),
  DESCRIPTION_LONG("A description can have at most {0} characters."),
  CAPACITY(
      "Capacity is the most open conversations one agent gets: a number from {0} to {1,number,#}."),
  CHOOSE_AVAILABILITY("Choose Online, Busy or Offline."),
  MANAGERS_ONLY("Only an owner or admin can change teams and routing."),
  NO_CONVERSATION("This conversation does not exist.");

  private final String pattern;

  RoutingWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
