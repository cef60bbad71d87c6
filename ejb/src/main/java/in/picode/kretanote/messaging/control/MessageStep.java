package in.picode.kretanote.messaging.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.LegalHolds;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages go with everything that hangs on them, in one batch: their media rows (and files), the
 * reactions to them, the delivery statuses Meta reported for their wamids, and the reply links of
 * other messages that quote them (set to NULL, the quoting message stays). A message belongs to a
 * contact, so a contact's legal hold keeps it. An outbound message's outbox row (outbound's table)
 * is purged by outbound's step before this one runs.
 */
public final class MessageStep implements PurgeStep {

  /** Old messages that no legal hold keeps; outbound's outbox step uses the same rule. */
  public static String olderCondition(String alias, LegalHolds holds) {
    return alias + ".created_at < ? AND " + holds.notHeld(alias, "contact_id");
  }

  private static final String SELECT_ANY =
      "SELECT m.id, m.wamid FROM message m WHERE m.tenant_id = ? ORDER BY m.id LIMIT ? FOR UPDATE";

  @Override
  public String table() {
    return "message";
  }

  @Override
  public PurgeBatch purgeTenant(Connection c, long tenantId, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SELECT_ANY)) {
      s.setLong(1, tenantId);
      s.setInt(2, limit);
      return deleteSelected(c, tenantId, s);
    }
  }

  @Override
  public PurgeBatch purgeOlder(
      Connection c, long tenantId, Instant cutoff, LegalHolds holds, int limit)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT m.id, m.wamid FROM message m WHERE m.tenant_id = ? AND "
                + olderCondition("m", holds)
                + " ORDER BY m.created_at, m.id LIMIT ? FOR UPDATE")) {
      s.setLong(1, tenantId);
      s.setTimestamp(2, Timestamp.from(cutoff));
      s.setInt(3, limit);
      return deleteSelected(c, tenantId, s);
    }
  }

  private static PurgeBatch deleteSelected(Connection c, long tenantId, PreparedStatement select)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> wamids = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
        String wamid = rs.getString(2);
        if (wamid != null) {
          wamids.add(wamid);
        }
      }
    }
    if (ids.isEmpty()) {
      return PurgeBatch.EMPTY;
    }
    return deleteMessages(c, tenantId, ids, wamids);
  }

  /** Deletes these messages of the tenant and everything that hangs on them. */
  public static PurgeBatch deleteMessages(
      Connection c, long tenantId, List<Long> ids, List<String> wamids) throws SQLException {
    Map<String, Integer> rows = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    String idIn = Sql.in(ids.size());
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT file_path FROM media WHERE tenant_id = ? AND file_path IS NOT NULL"
                + " AND message_id IN "
                + idIn)) {
      s.setLong(1, tenantId);
      Sql.bind(s, 2, ids);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          files.add(rs.getString(1));
        }
      }
    }
    rows.put(
        "media",
        update(
            c, "DELETE FROM media WHERE tenant_id = ? AND message_id IN " + idIn, tenantId, ids));
    int reactions =
        update(
            c, "DELETE FROM reaction WHERE tenant_id = ? AND message_id IN " + idIn, tenantId, ids);
    int statuses = 0;
    if (!wamids.isEmpty()) {
      String wamidIn = Sql.in(wamids.size());
      reactions +=
          update(
              c,
              "DELETE FROM reaction WHERE tenant_id = ? AND target_wamid IN " + wamidIn,
              tenantId,
              wamids);
      statuses =
          update(
              c,
              "DELETE FROM message_status WHERE tenant_id = ? AND wamid IN " + wamidIn,
              tenantId,
              wamids);
    }
    rows.put("reaction", reactions);
    rows.put("message_status", statuses);
    update(
        c,
        "UPDATE message SET context_message_id = NULL WHERE tenant_id = ? AND context_message_id IN "
            + idIn,
        tenantId,
        ids);
    rows.put(
        "message",
        update(c, "DELETE FROM message WHERE tenant_id = ? AND id IN " + idIn, tenantId, ids));
    rows.values().removeIf(n -> n == 0);
    return new PurgeBatch(rows, files);
  }

  private static int update(Connection c, String sql, long tenantId, List<?> values)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, tenantId);
      Sql.bind(s, 2, values);
      return s.executeUpdate();
    }
  }
}
