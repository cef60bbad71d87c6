package in.picode.kretanote.contact.control;

import in.picode.kretanote.platform.control.LegalHolds;

/**
 * The legal-hold rule of the retention purge, in one place: a row whose contact is under legal hold
 * ({@code contact.legal_hold}) is kept however old it is; a row without a contact is not held. (A
 * tenant-wide hold skips the tenant's whole run, see {@code RetentionPurge}.) It lives with the
 * contact because the hold is a column of the contact's row; retention passes it to every step.
 */
public final class ContactHolds implements LegalHolds {

  public static final ContactHolds RULE = new ContactHolds();

  private ContactHolds() {}

  @Override
  public String notHeld(String rowAlias, String contactColumn) {
    return "NOT EXISTS (SELECT 1 FROM contact h WHERE h.tenant_id = "
        + rowAlias
        + ".tenant_id AND h.id = "
        + rowAlias
        + "."
        + contactColumn
        + " AND h.legal_hold)";
  }
}
