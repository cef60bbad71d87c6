package in.picode.kretanote.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Claims due rows of a work table for one worker, so that any number of servers can drain the same
 * table: {@code SELECT <columns> FROM <table> WHERE <due> ORDER BY <order> LIMIT ? FOR UPDATE SKIP
 * LOCKED} picks due rows nobody else is claiming at this moment, and one {@code UPDATE <table> SET
 * <lease> WHERE id IN (...)} marks them as taken (a lease owner and end, or the next due time)
 * before the caller's transaction commits. Until the lease runs out no other claim sees the rows as
 * due; a server that dies leaves them to be claimed again after it.
 *
 * <p>The caller owns the transaction (a container transaction for JPA, or its own JDBC one, for
 * example READ COMMITTED on a hot path) and the SQL fragments of its {@link Spec}, which are
 * constants of its code, never input. The select is exactly the caller's, so it uses the caller's
 * index; the lease update names the claimed rows by primary key.
 *
 * <p><b>One lease statement or one per row.</b> In a container transaction (REPEATABLE READ) an
 * {@code UPDATE ... WHERE id IN (...)} that the optimizer runs as a scan waits for rows another
 * server holds locked (seen in {@code WhatsAppHealthIT}), so the JPA variant leases row by row,
 * each by its primary key, as the claims always did. The JDBC variant is for callers that run READ
 * COMMITTED (the webhook event log): there InnoDB's semi-consistent read passes over rows locked by
 * others, and one statement saves the round trips on the hot path.
 */
public final class LeaseClaims {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  /**
   * What to claim: {@code columns} to return (the first is the primary key {@code id}), the {@code
   * due} condition, the {@code order} of the oldest work first (it should match an index with
   * {@code due}), and the {@code lease} assignments that take a row.
   */
  public record Spec(String table, String columns, String due, String order, String lease) {

    public Spec {
      if (table == null || !NAME.matcher(table).matches()) {
        throw new IllegalArgumentException("Not a table name: " + table);
      }
      Objects.requireNonNull(columns);
      Objects.requireNonNull(due);
      Objects.requireNonNull(order);
      Objects.requireNonNull(lease);
    }

    /** Parameters: those of {@code due}, then the batch size. */
    public String selectSql() {
      return "SELECT "
          + columns
          + " FROM "
          + table
          + " WHERE "
          + due
          + " ORDER BY "
          + order
          + " LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    /** Parameters: those of {@code lease}, then the {@code rows} ids; {@code id = ?} for one. */
    public String leaseSql(int rows) {
      if (rows <= 0) {
        throw new IllegalArgumentException("Nothing to lease");
      }
      if (rows == 1) {
        return "UPDATE " + table + " SET " + lease + " WHERE id = ?";
      }
      return "UPDATE "
          + table
          + " SET "
          + lease
          + " WHERE id IN ("
          + String.join(", ", Collections.nCopies(rows, "?"))
          + ")";
    }
  }

  private LeaseClaims() {}

  /**
   * Claims up to {@code max} rows in the caller's JPA transaction, leasing them row by row; returns
   * the selected columns of each claimed row, in claim order.
   */
  public static List<Object[]> claim(
      EntityManager em, Spec spec, List<?> dueParams, int max, List<?> leaseParams) {
    Query select = em.createNativeQuery(spec.selectSql()).setHint(ALLOW_NATIVE, "true");
    int i = bind(select, 1, dueParams);
    select.setParameter(i, max);
    List<Object[]> rows = new ArrayList<>();
    for (Object r : select.getResultList()) {
      rows.add(r instanceof Object[] a ? a : new Object[] {r});
    }
    if (rows.isEmpty()) {
      return rows;
    }
    for (Object[] r : rows) {
      Query lease = em.createNativeQuery(spec.leaseSql(1)).setHint(ALLOW_NATIVE, "true");
      int j = bind(lease, 1, leaseParams);
      lease.setParameter(j, ((Number) r[0]).longValue()).executeUpdate();
    }
    return rows;
  }

  /**
   * Claims up to {@code max} rows on the caller's connection, inside the READ COMMITTED transaction
   * the caller opened (and commits), leasing them in one statement; returns the selected columns of
   * each claimed row, in claim order.
   */
  public static List<Object[]> claim(
      Connection c, Spec spec, List<?> dueParams, int max, List<?> leaseParams)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(spec.selectSql())) {
      int i = Sql.bind(s, 1, dueParams);
      s.setInt(i, max);
      try (ResultSet rs = s.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int k = 0; k < n; k++) {
            row[k] = rs.getObject(k + 1);
          }
          rows.add(row);
        }
      }
    }
    if (rows.isEmpty()) {
      return rows;
    }
    try (PreparedStatement s = c.prepareStatement(spec.leaseSql(rows.size()))) {
      int j = Sql.bind(s, 1, leaseParams);
      for (Object[] r : rows) {
        s.setLong(j++, ((Number) r[0]).longValue());
      }
      s.executeUpdate();
    }
    return rows;
  }

  private static int bind(Query q, int first, List<?> values) {
    int i = first;
    for (Object v : values) {
      q.setParameter(i++, v);
    }
    return i;
  }
}
