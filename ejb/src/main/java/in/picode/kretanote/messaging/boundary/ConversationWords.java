package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What the messaging feature (conversation changes, labels, notes, canned responses, report ranges)
 * says to a user, as codes.
 */
public enum ConversationWords implements Wording.Code {
  NOT_A_MEMBER("This person is not an active team member."),
  SNOOZE_WHEN("Choose the date and time to snooze until, like 2026-12-24 09:00"),
  SNOOZE_FUTURE("Snooze until a time in the future"),
  SNOOZE_CLOSED("A closed conversation cannot be snoozed"),
  NOTE_EMPTY("A note cannot be empty"),
  NOTE_LONG("A note has at most {0,number,#} characters"),
  PRIORITY("Priority is one of {0}"),
  LABEL_NAME("A label has 1 to {0,number,#} characters"),
  LABEL_MARKUP("A label cannot contain < or > or control characters."),
  LABEL_MISSING("That label does not exist."),
  LABEL_TAKEN("A label named \"{0}\" exists already."),
  CANNED_MISSING("This canned response does not exist."),
  CANNED_SHORTCUT(
      "A shortcut has 1 to {0,number,#} characters: lowercase letters, digits, - and _ (no"
          + " spaces)."),
  CANNED_SHORTCUT_TAKEN("/{0} is already used by another canned response."),
  CANNED_BODY_MISSING("Write the text of the response."),
  CANNED_BODY_LONG(
      "The text has {0,number,#} characters; a WhatsApp message holds at most {1,number,#,##0}."),
  RANGE_ORDER("Choose a start date on or before the end date."),
  RANGE_DAYS("Choose at most {0,number,#} days.");

  private final String pattern;

  ConversationWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
