package in.picode.kretanote.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The live inbox's change feed across servers: the {@code inbox_change} rows that {@link
 * MessageLog} and {@link Deliveries} write in the transactions that change conversations. Every
 * server reads the rows after its own cursor and pushes each to the browsers of the row's tenant
 * only; the database is what the servers share, so a change applied on one server reaches a browser
 * connected to another. This is the one reader that is not scoped to a tenant: it hands each row on
 * with its tenant id, and the caller delivers it to that tenant's channel alone.
 *
 * <p>Identity ids are handed out before commit, so a row can become visible after a higher one:
 * {@link #after} reads a window below the cursor again and the caller skips ids it has seen.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboxFeed {

  /** One row of the feed. {@code conversationIds} is comma separated, or {@code *} for any. */
  public record Change(long id, long tenantId, String conversationIds) {}

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  /** The newest id now, where a server that just started begins. */
  public long latest() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM inbox_change");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The rows with an id above {@code from}, oldest first, at most {@code max}. */
  public List<Change> after(long from, int max) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, tenant_id, conversation_ids FROM inbox_change WHERE id > ?"
                    + " ORDER BY id LIMIT ?")) {
      s.setLong(1, from);
      s.setInt(2, max);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          changes.add(new Change(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return changes;
  }

  /** Deletes the rows up to {@code id} (every server's cursor has long passed them). */
  public int purgeUpTo(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM inbox_change WHERE id <= ? ORDER BY id LIMIT 10000")) {
      s.setLong(1, id);
      return s.executeUpdate();
    }
  }
}
