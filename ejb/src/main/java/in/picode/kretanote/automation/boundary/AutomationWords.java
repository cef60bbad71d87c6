package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/** What the automation feature (rules, macros, business hours) says to a user, as codes. */
public enum AutomationWords implements Wording.Code {
  NO_SUCH_RULE("There is no such rule."),
  NO_SUCH_MACRO("There is no such macro."),
  RULE_NAME("A rule''s name has 1 to {0} characters."),
  RULE_EVENT("Choose the event that starts the rule."),
  RULE_WAIT("Wait 1 to {0,number,#} minutes for a reply."),
  MACRO_NAME("A macro''s name has 1 to {0} characters."),
  MACRO_NAME_TAKEN("There is already a macro named ''{0}''."),
  HOURS_REPEAT("Send again after 1 to {0,number,#} minutes (a year)."),
  HOURS_AWAY_MISSING("Write the away message, or switch it off."),
  HOURS_GREETING_MISSING("Write the greeting message, or switch it off."),
  HOURS_AWAY_LONG("The away message has more than {0,number,#} characters."),
  HOURS_GREETING_LONG("The greeting message has more than {0,number,#} characters."),
  HOURS_ZONE("Unknown time zone ''{0}''."),
  HOURS_HOLIDAY("Holiday ''{0}'' is not a date (YYYY-MM-DD)."),
  HOURS_HOLIDAYS_MAX("At most {0} holidays."),
  HOURS_INTERVALS_MAX("{0}: at most {1} intervals."),
  HOURS_NOT_INTERVAL("{0}: ''{1}'' is not an interval like 09:00-17:00."),
  HOURS_NOT_TIME("{0}: ''{1}'' is not a time of day (00:00–24:00)."),
  HOURS_ENDS_BEFORE("{0}: {1} ends before it starts."),
  HOURS_OVERLAP("{0}: {1} and {2} overlap."),
  HOURS_TEAM_UNKNOWN("That team does not exist.");

  private final String pattern;

  AutomationWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
