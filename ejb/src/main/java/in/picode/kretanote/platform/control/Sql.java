package in.picode.kretanote.platform.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers for purge and erasure steps: IN lists of bound parameters. */
public final class Sql {

  private Sql() {}

  /** {@code (?, ?, ?)} for {@code n} values; {@code n} must be positive. */
  public static String in(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("An IN list needs at least one value");
    }
    return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
  }

  /** Binds the values from parameter {@code first} on; returns the next free parameter index. */
  public static int bind(PreparedStatement s, int first, Collection<?> values) throws SQLException {
    int i = first;
    for (Object v : values) {
      s.setObject(i++, v);
    }
    return i;
  }

  /** Runs an update whose parameters are {@code first} and then {@code values}. */
  public static int update(Connection c, String sql, Object first, Collection<?> values)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, first);
      bind(s, 2, values);
      return s.executeUpdate();
    }
  }

  /** Runs an update whose parameters are exactly {@code values}. */
  public static int update(Connection c, String sql, Collection<?> values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, 1, values);
      return s.executeUpdate();
    }
  }

  /** Whether a query with the subject's tenant and contact as its two parameters finds a row. */
  public static boolean exists(Connection c, String sql, DataSubject who) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, who.tenantId());
      s.setLong(2, who.contactId());
      try (java.sql.ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Deletes the subject's rows ({@code contact_id}) from each table, in order; counts per table.
   */
  public static PurgeBatch deleteOfContact(Connection c, DataSubject who, List<String> tables)
      throws SQLException {
    PurgeBatch erased = PurgeBatch.EMPTY;
    for (String table : tables) {
      erased =
          erased.plus(
              PurgeBatch.of(
                  table,
                  update(
                      c,
                      "DELETE FROM " + table + " WHERE tenant_id = ? AND contact_id = ?",
                      List.of(who.tenantId(), who.contactId()))));
    }
    return erased;
  }
}
