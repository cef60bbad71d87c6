package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.time.Instant;
import java.util.List;

/** The text of the receipt mailed to the owner once an account is purged. */
final class DeletionReceipt {

  private DeletionReceipt() {}

  /**
   * The receipt's paragraphs: what was deleted and when, and how long older copies can remain; no
   * link (the account is gone) and nothing that names a person. Worded in the language the owner
   * chose when asking; the counts by table are the database's names.
   */
  static List<Wording> paragraphs(
      String name,
      long tenant,
      Instant requestedAt,
      Instant purgedAt,
      String summary,
      int backupDays) {
    return List.of(
        name == null
            ? PrivacyWords.RECEIPT_DONE_UNNAMED.with(requestedAt, tenant, purgedAt)
            : PrivacyWords.RECEIPT_DONE.with(requestedAt, name, tenant, purgedAt),
        PrivacyWords.RECEIPT_WHAT.with(),
        PrivacyWords.RECEIPT_BACKUPS.with(backupDays),
        PrivacyWords.RECEIPT_TABLES.with(summary),
        PrivacyWords.RECEIPT_KEPT.with());
  }
}
