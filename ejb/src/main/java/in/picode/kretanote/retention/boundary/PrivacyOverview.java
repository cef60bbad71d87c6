package in.picode.kretanote.retention.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What platform operators see of retention: account deletion schedules and purge records. Numbers
 * and dates only, never content (no names, messages or addresses).
 */
@Stateless
public class PrivacyOverview {

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject DeletionStore deletions;

  /** One purge record row. */
  public record PurgeRecord(
      long id,
      String runId,
      Long tenantRef,
      String kind,
      String item,
      long deletedCount,
      Instant cutoff,
      Instant recordedAt) {}

  public List<DeletionStore.Deletion> deletions(int max) {
    return deletions.latest(max);
  }

  public List<PurgeRecord> purgeRecords(int max) {
    List<PurgeRecord> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, run_id, tenant_ref, kind, item, deleted_count, cutoff, recorded_at"
                    + " FROM purge_record ORDER BY id DESC LIMIT ?")) {
      s.setInt(1, Math.min(Math.max(max, 1), 1000));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long ref = rs.getLong(3);
          Long tenantRef = rs.wasNull() ? null : ref;
          Timestamp cutoff = rs.getTimestamp(7);
          out.add(
              new PurgeRecord(
                  rs.getLong(1),
                  rs.getString(2),
                  tenantRef,
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  cutoff == null ? null : cutoff.toInstant(),
                  rs.getTimestamp(8).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
