package in.picode.kretanote.platform.control;

/**
 * The retention workflow's rule for rows it must keep although they are old: a purge step names the
 * column that says whose row it is, the workflow supplies the SQL condition. Steps never write the
 * legal-hold rule themselves, so it is decided in one place.
 */
@FunctionalInterface
public interface LegalHolds {

  /**
   * An SQL condition, true when the row of {@code rowAlias} (a table name or alias with a {@code
   * tenant_id} column) is not held through the contact that {@code contactColumn} names.
   */
  String notHeld(String rowAlias, String contactColumn);
}
