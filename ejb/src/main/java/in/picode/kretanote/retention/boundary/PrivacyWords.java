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
          + " password."),
  RECEIPT_SUBJECT("Deletion receipt: your KretaNote account was deleted"),
  RECEIPT_DONE(
      "As requested on {0,date,d MMM yyyy HH:mm} UTC, the KretaNote account {1} (account number"
          + " {2,number,#}) was deleted on {3,date,d MMM yyyy HH:mm} UTC."),
  RECEIPT_DONE_UNNAMED(
      "As requested on {0,date,d MMM yyyy HH:mm} UTC, the KretaNote account number {1,number,#}"
          + " was deleted on {2,date,d MMM yyyy HH:mm} UTC."),
  RECEIPT_WHAT(
      "What was deleted: every record of the account in KretaNote''s database (users, WhatsApp"
          + " connections, contacts, conversations, messages, delivery statuses, templates,"
          + " campaigns, billing records, settings, the audit log), its media files, and the raw"
          + " webhook copies that named its customers (deleted, or cut down to another account''s"
          + " part). The account''s data key was destroyed, so leftover encrypted copies of its"
          + " access tokens and media files cannot be read outside backups."),
  RECEIPT_BACKUPS(
      "Backups taken before the deletion are deleted after at most {0,number,#} days; if one is"
          + " ever restored before then, this deletion is applied again."),
  RECEIPT_TABLES("Deleted, by table: {0}."),
  RECEIPT_KEPT(
      "KretaNote keeps this receipt as the account number, the dates and the counts above, nothing"
          + " that identifies a person. This email address is not kept.");

  private final String pattern;

  PrivacyWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
