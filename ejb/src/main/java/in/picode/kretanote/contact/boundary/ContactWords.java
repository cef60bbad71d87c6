package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What the contacts feature (contacts, tags, custom fields, the CSV import) says to a user, as
 * codes.
 */
public enum ContactWords implements Wording.Code {
  PHONE_MISSING("The phone number is missing."),
  PHONE_NOT_INTERNATIONAL(
      "\"{0}\" is not an international phone number (8 to 15 digits, country code first)."),
  PHONE_NO_COUNTRY_CODE("\"{0}\" has no country code; write it like +49 151 1234567."),
  PHONE_TAKEN("A contact with this phone number already exists."),
  NAME_LONGER("The name is longer than {0,number,#} characters."),
  NAME_EMPTY("A contact name cannot be empty"),
  NAME_MAX("A contact name has at most {0,number,#} characters"),
  TAG("A tag has 1 to {0,number,#} characters"),
  FIELD_MISSING("That field does not exist."),
  FIELD_NAME("A field name has 1 to {0,number,#} characters"),
  FIELD_NAME_TAKEN("A field named \"{0}\" exists already."),
  FIELD_VALUE_LONG("{0} has at most {1,number,#} characters"),
  FIELD_NOT_NUMBER("{0} must be a number, not \"{1}\""),
  FIELD_NOT_DATE("{0} must be a date like 2026-01-31, not \"{1}\""),
  FIELD_NOT_YES_NO("{0} must be yes or no, not \"{1}\""),
  CSV_EMPTY("The file is empty."),
  CSV_TOO_LARGE("The file is larger than {0,number,#} KB; split it into smaller files."),
  CSV_NOT_UTF8_BINARY(
      "The file is not UTF-8 text (it looks like UTF-16 or a binary file). Save it as \"CSV"
          + " UTF-8\" and upload it again."),
  CSV_NOT_UTF8("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again."),
  CSV_NO_HEADER("The file has no header row."),
  CSV_HEADER_UNUSABLE("The header row is not usable: {0}"),
  CSV_INVALID("The file is not valid CSV: {0}"),
  CSV_CHOOSE_PHONE("Choose the column that holds the phone numbers."),
  CSV_ONE_PHONE("Only one column can hold the phone numbers."),
  CSV_FIELD_GONE("A mapped custom field does not exist any more."),
  CSV_NO_COLUMN("The file has no column \"{0}\"."),
  CSV_UNKNOWN_TARGET("Unknown column target {0}"),
  CSV_TOO_MANY_ROWS("The file has more than {0,number,#} rows; split it into smaller files."),
  CSV_COLUMNS("The row has {0,number,#} columns, the header has {1,number,#}."),
  CSV_NO_CONTACTS("The file has a header but no contacts."),
  CSV_NAME_LONG("The name has more than {0,number,#} characters."),
  CSV_NOT_EMAIL("\"{0}\" is not an email address."),
  CSV_DUPLICATE("The number {0} is already on line {1,number,#}."),
  ROWS_HAVE_PROBLEMS(
      "{0,choice,0#No row has problems|1#1 row has problems|1<{0,number,integer} rows have problems};"
          + " nothing was imported."),
  ROWS_TO_FIX(
      "{0,choice,0#No row has problems|1#1 row has problems|1<{0,number,integer} rows have problems}."
          + " Fix them in the file and upload it again; nothing was imported.");

  private final String pattern;

  ContactWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
