package in.picode.kretanote.outbound.control;

import in.picode.kretanote.messaging.control.MessageStep;
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
import java.util.List;

/**
 * The outbox is a message's sending record: retention deletes an outbox row when its message is old
 * enough to go (the message's own age and legal-hold rule, {@link MessageStep#olderCondition}),
 * before messaging's step deletes the message. The rows are found from the old messages through the
 * outbox's (tenant, message) key, the way the message step finds them.
 */
public final class OutboxStep implements PurgeStep {

  @Override
  public String table() {
    return "outbox";
  }

  @Override
  public PurgeBatch purgeTenant(Connection c, long tenantId, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM outbox WHERE tenant_id = ? LIMIT ?")) {
      s.setLong(1, tenantId);
      s.setInt(2, limit);
      return PurgeBatch.of("outbox", s.executeUpdate());
    }
  }

  @Override
  public PurgeBatch purgeOlder(
      Connection c, long tenantId, Instant cutoff, LegalHolds holds, int limit)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT o.id FROM message m JOIN outbox o ON o.tenant_id = m.tenant_id"
                + " AND o.message_id = m.id WHERE m.tenant_id = ? AND "
                + MessageStep.olderCondition("m", holds)
                + " ORDER BY m.created_at, m.id LIMIT ? FOR UPDATE")) {
      s.setLong(1, tenantId);
      s.setTimestamp(2, Timestamp.from(cutoff));
      s.setInt(3, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    if (ids.isEmpty()) {
      return PurgeBatch.EMPTY;
    }
    return PurgeBatch.of(
        "outbox",
        Sql.update(
            c,
            "DELETE FROM outbox WHERE tenant_id = ? AND id IN " + Sql.in(ids.size()),
            tenantId,
            ids));
  }
}
