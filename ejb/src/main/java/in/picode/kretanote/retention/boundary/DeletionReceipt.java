package in.picode.kretanote.retention.boundary;

import java.time.Instant;

/** The text of the receipt mailed to the owner once an account is purged. */
final class DeletionReceipt {

  private DeletionReceipt() {}

  /**
   * The receipt: what was deleted and when, and how long older copies can remain; no link (the
   * account is gone) and nothing that names a person.
   */
  static String text(
      String name,
      long tenant,
      Instant requestedAt,
      Instant purgedAt,
      String summary,
      int backupDays) {
    return "As requested on "
        + (requestedAt == null ? "-" : DeletionStore.WHEN.format(requestedAt))
        + ", the KretaNote account "
        + (name == null ? "" : name + " ")
        + "(account number "
        + tenant
        + ") was deleted on "
        + DeletionStore.WHEN.format(purgedAt)
        + ".\n\nWhat was deleted: every record of the account in KretaNote's database (users,"
        + " WhatsApp connections, contacts, conversations, messages, delivery statuses, templates,"
        + " campaigns, billing records, settings, the audit log), its media files, and the raw"
        + " webhook copies that named its customers (deleted, or cut down to another account's"
        + " part). The account's data key was destroyed, so leftover encrypted copies of its access"
        + " tokens and media files cannot be read outside backups."
        + "\n\nBackups taken before the deletion are deleted after at most "
        + backupDays
        + " days; if one is ever restored before then, this deletion is applied again."
        + "\n\nDeleted, by table: "
        + summary
        + ".\n\nKretaNote keeps this receipt as the account number, the dates and the counts"
        + " above, nothing that identifies a person. This email address is not kept.";
  }
}
