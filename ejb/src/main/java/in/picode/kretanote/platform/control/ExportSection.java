package in.picode.kretanote.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One part of a data-subject export: a name (file name without extension) and its rows. */
public record ExportSection(String name, List<String> columns, List<Map<String, Object>> rows) {

  /**
   * The rows a query returns, with the query's column labels; {@code sql} takes the tenant id and
   * the contact id as its two parameters.
   */
  public static ExportSection query(Connection c, String name, String sql, DataSubject subject)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, subject.tenantId());
      s.setLong(2, subject.contactId());
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns.size(); i++) {
            row.put(columns.get(i - 1), rs.getObject(i));
          }
          rows.add(row);
        }
        return new ExportSection(name, columns, rows);
      }
    }
  }
}
