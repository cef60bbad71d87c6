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
  HOURS_TEAM_UNKNOWN("That team does not exist."),
  DEFINITION_EMPTY("The definition is empty."),
  DEFINITION_TOO_LONG("The definition has more than {0,number,#} characters."),
  DEFINITION_NOT_JSON("The definition is not valid JSON."),
  DEFINITION_NOT_OBJECT("The definition is not a JSON object."),
  RULE_NO_ACTION("A rule needs at least one action."),
  MACRO_NO_ACTION("A macro needs at least one action."),
  CONDITIONS_NOT_LIST("Conditions are not a list."),
  ACTIONS_NOT_LIST("Actions are not a list."),
  CONDITIONS_MAX("At most {0} conditions."),
  ACTIONS_MAX("At most {0} actions."),
  CONDITION_AT("Condition {0}: {1}"),
  ACTION_AT("Action {0}: {1}"),
  STEP_NOT_OBJECT("not an object."),
  UNKNOWN_CONDITION("unknown condition ''{0}''."),
  UNKNOWN_ACTION("unknown action ''{0}''."),
  NOT_FOR_MACROS("''{0}'' cannot be part of a macro."),
  STEP_MISSING("{0} is missing."),
  STEP_TOO_LONG("{0} has more than {1} characters."),
  PARAM_LABEL("The label"),
  PARAM_NOTE("The note"),
  PARAM_TAG("The tag"),
  PARAM_FIELD("The field"),
  PARAM_NUMBER("The number"),
  PARAM_PRIORITY("The priority"),
  PARAM_CANNED("The canned response"),
  PARAM_TEMPLATE("The template"),
  PARAM_SNOOZE("The snooze time (minutes)"),
  PARAM_KEYWORDS("The keywords"),
  STEP_CHOOSE_TEAM("choose a team"),
  STEP_VALUE_LONG("The value has more than {0} characters."),
  STEP_LANGUAGES_LONG("The languages have more than {0} characters."),
  STEP_LANGUAGES_NONE("Name at least one language code, such as es or pt."),
  STEP_LANGUAGES_MAX("At most {0} languages."),
  STEP_LANGUAGES_UNKNOWN("Unknown language code {0}; known: {1}."),
  STEP_WEBHOOK_TAG_LONG("The webhook tag has more than {0} characters."),
  STEP_PRIORITY("The priority is one of LOW, NORMAL, HIGH, URGENT."),
  STEP_KEYWORDS_EMPTY("The keywords are empty."),
  STEP_VALUES_NOT_LIST("The template values are not a list."),
  STEP_VALUES_MAX("At most {0} template values."),
  STEP_SNOOZE("The snooze time is 1 minute to 30 days."),
  GONE_LABEL("label ''{0}'' no longer exists"),
  GONE_FIELD("custom field ''{0}'' no longer exists"),
  GONE_CANNED("canned response #{0,number,#} no longer exists"),
  GONE_TEMPLATE("template #{0,number,#} no longer exists"),
  GONE_AGENT("agent #{0,number,#} no longer exists or is disabled"),
  GONE_TEAM("team #{0,number,#} no longer exists"),
  ACTION_REFUSED("{0}: {1}"),
  ACTION_SEND_REFUSED("{0} refused by the send guard ({1}): {2}");

  private final String pattern;

  AutomationWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
