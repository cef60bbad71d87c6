package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What the retention feature (privacy settings, data-subject requests, account deletion) says to a
 * user, as codes.
 */
public enum PrivacyWords implements Wording.Code {
  OWNER_OR_ADMIN("Only an owner or admin can do this."),
  PERIOD_MISSING("Enter a retention period in days."),
  PERIOD_RANGE(
      "The retention period must be between {0,number,#} and {1,number,#} days; {2,number,#} is"
          + " outside that range."),
  HOLD_REASON_MISSING("Say why the data must be kept (for the audit log)."),
  HOLD_REASON_LONG("The reason can have at most {0,number,#} characters."),
  NO_SUCH_CONTACT("There is no such contact in this account."),
  CONTACT_ON_HOLD("This contact is under legal hold; lift the hold before erasing the contact."),
  NAME_LONG("The name can have at most {0,number,#} characters."),
  NOT_AN_EMAIL("That is not an email address."),
  NOT_A_PHONE(
      "A phone number has digits, spaces and + ( ) - . / only, at most {0,number,#} characters."),
  ACCOUNT_GONE("This account no longer exists."),
  DELETE_BY_OWNER("Only the account owner can delete the account."),
  DELETE_NAME_MISMATCH(
      "Type the account name exactly as shown ({0}) to confirm. Nothing was deleted."),
  DELETION_SCHEDULED("This account is already scheduled for deletion."),
  DELETE_WRONG_PASSWORD("The password is not right. Nothing was deleted."),
  CANCEL_REFUSED("The email or password is not right, or this account has no deletion to cancel."),
  CANCEL_TOO_LATE("The deletion can no longer be cancelled: the purge has already begun."),
  DELETION_MAIL_SUBJECT("Your KretaNote account is scheduled for deletion"),
  DELETION_MAIL_BODY(
      "You asked to delete the KretaNote account {0}. Sign-in is disabled for everyone, the"
          + " WhatsApp numbers are disconnected and their access tokens destroyed. All data will be"
          + " deleted after {1,date,d MMM yyyy HH:mm} UTC."),
  DELETION_MAIL_CANCEL(
      "Changed your mind? Until then, the owner can cancel at {0} with the owner''s email and"
          + " password.");

  private final String pattern;

  PrivacyWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
