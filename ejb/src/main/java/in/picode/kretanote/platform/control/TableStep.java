package in.picode.kretanote.platform.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The usual purge step: {@code DELETE ... WHERE tenant_id = ? ... LIMIT ?}. Optionally an age rule
 * (a timestamp column, and extra SQL conditions on the row) and the column that names the row's
 * contact, so a contact's legal hold protects the row. A feature lists one per table in its {@link
 * TenantData}; it writes a class of its own only for a table that needs more (files, cascades).
 */
public final class TableStep implements PurgeStep {

  private String order;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final String table;
  private final String ageColumn;
  private final String contactColumn;
  private final String extraCondition;

  private TableStep(String table, String ageColumn, String contactColumn, String extraCondition) {
    this.table = name(table);
    this.ageColumn = ageColumn == null ? null : name(ageColumn);
    this.contactColumn = contactColumn == null ? null : name(contactColumn);
    this.extraCondition = extraCondition;
  }

  /** A table purged only with its tenant (account deletion), never by age. */
  public static TableStep whole(String table) {
    return new TableStep(table, null, null, null);
  }

  /** A table whose rows older than the cut-off (by {@code ageColumn}) are purged by retention. */
  public static TableStep aged(String table, String ageColumn) {
    return new TableStep(table, Objects.requireNonNull(ageColumn), null, null);
  }

  /** Rows of a contact under legal hold are kept by retention. */
  public TableStep heldBy(String contactColumn) {
    return new TableStep(table, ageColumn, contactColumn, extraCondition);
  }

  /**
   * The order rows are deleted in by the account purge, for tables that reference themselves
   * (credit notes before the invoices they credit): InnoDB checks foreign keys row by row.
   */
  public TableStep deletedInOrder(String orderBy) {
    TableStep t = new TableStep(table, ageColumn, contactColumn, extraCondition);
    t.order = Objects.requireNonNull(orderBy);
    return t;
  }

  /**
   * An extra condition on the rows retention may delete, written against the table's own name (for
   * example "no message refers to it any more").
   */
  public TableStep onlyWhere(String condition) {
    return new TableStep(table, ageColumn, contactColumn, Objects.requireNonNull(condition));
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public PurgeBatch purgeTenant(Connection c, long tenantId, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM "
                + table
                + " WHERE tenant_id = ?"
                + (order == null ? "" : " ORDER BY " + order)
                + " LIMIT ?")) {
      s.setLong(1, tenantId);
      s.setInt(2, limit);
      return PurgeBatch.of(table, s.executeUpdate());
    }
  }

  @Override
  public PurgeBatch purgeOlder(
      Connection c, long tenantId, Instant cutoff, LegalHolds holds, int limit)
      throws SQLException {
    if (ageColumn == null) {
      return PurgeBatch.EMPTY;
    }
    try (PreparedStatement s = c.prepareStatement(olderSql(holds))) {
      s.setLong(1, tenantId);
      s.setTimestamp(2, Timestamp.from(cutoff));
      s.setInt(3, limit);
      return PurgeBatch.of(table, s.executeUpdate());
    }
  }

  public String olderSql(LegalHolds holds) {
    StringBuilder sql =
        new StringBuilder("DELETE FROM ")
            .append(table)
            .append(" WHERE tenant_id = ? AND ")
            .append(ageColumn)
            .append(" < ?");
    if (contactColumn != null) {
      sql.append(" AND ").append(holds.notHeld(table, contactColumn));
    }
    if (extraCondition != null) {
      sql.append(" AND (").append(extraCondition).append(')');
    }
    return sql.append(" ORDER BY ").append(ageColumn).append(" LIMIT ?").toString();
  }

  private static String name(String n) {
    if (n == null || !NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("Not a table or column name: " + n);
    }
    return n;
  }

  @Override
  public String toString() {
    return "TableStep[" + table + (ageColumn == null ? "" : ", by " + ageColumn) + "]";
  }
}
