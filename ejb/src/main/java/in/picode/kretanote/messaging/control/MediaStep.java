package in.picode.kretanote.messaging.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.LegalHolds;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Media rows and their files, for account deletion. Retention deletes media together with its
 * message ({@link MessageStep}), so this step has no age rule of its own.
 */
public final class MediaStep implements PurgeStep {

  @Override
  public String table() {
    return "media";
  }

  @Override
  public PurgeBatch purgeTenant(Connection c, long tenantId, int limit) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> files = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, file_path FROM media WHERE tenant_id = ? ORDER BY id LIMIT ? FOR UPDATE")) {
      s.setLong(1, tenantId);
      s.setInt(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          if (rs.getString(2) != null) {
            files.add(rs.getString(2));
          }
        }
      }
    }
    if (ids.isEmpty()) {
      return PurgeBatch.EMPTY;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM media WHERE tenant_id = ? AND id IN " + Sql.in(ids.size()))) {
      s.setLong(1, tenantId);
      Sql.bind(s, 2, ids);
      return new PurgeBatch(Map.of("media", s.executeUpdate()), files);
    }
  }

  @Override
  public PurgeBatch purgeOlder(
      Connection c, long tenantId, Instant cutoff, LegalHolds holds, int limit) {
    return PurgeBatch.EMPTY;
  }
}
