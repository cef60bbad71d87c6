package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.contact.control.ContactHolds;
import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.retention.control.PurgeSteps;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The purge's database work, each method one short transaction of its own ({@code REQUIRES_NEW}):
 * one bounded batch, one claim, one record. Plain JDBC on the application's data source, with the
 * tenant id in every statement, because the purge works across tenants. The batches themselves are
 * the owning features' {@link PurgeStep}s; this class names only retention's own tables. Claims are
 * conditional updates of a lease, so of two servers only one gets a tenant.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PurgeStore {

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject PurgeSteps steps;

  public PurgeBatch older(PurgeStep step, long tenantId, Instant cutoff, int limit) {
    try (Connection c = ds.getConnection()) {
      return step.purgeOlder(c, tenantId, cutoff, ContactHolds.RULE, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("Purge of " + step.table() + " failed: " + e.getMessage(), e);
    }
  }

  public PurgeBatch whole(PurgeStep step, long tenantId, int limit) {
    try (Connection c = ds.getConnection()) {
      return step.purgeTenant(c, tenantId, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("Purge of " + step.table() + " failed: " + e.getMessage(), e);
    }
  }

  public List<String> uncovered() {
    try (Connection c = ds.getConnection()) {
      return steps.uncovered(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The retention state of a tenant: its stored period (null: default) and legal hold. */
  public record Setting(Integer retentionDays, boolean legalHold) {}

  /**
   * Gives every active tenant a retention row (due now) and returns up to {@code max} tenants whose
   * purge is due and not leased.
   */
  public List<Long> dueTenants(Instant now, int max) {
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT IGNORE INTO retention_setting (tenant_id, next_run_at, updated_at)"
                  + " SELECT t.id, ?, ? FROM tenant t WHERE t.status = 'ACTIVE' AND NOT EXISTS"
                  + " (SELECT 1 FROM retention_setting r WHERE r.tenant_id = t.id)")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setTimestamp(2, Timestamp.from(now));
        s.executeUpdate();
      }
      List<Long> due = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT r.tenant_id FROM retention_setting r JOIN tenant t ON t.id = r.tenant_id"
                  + " WHERE t.status = 'ACTIVE' AND r.next_run_at <= ?"
                  + " AND (r.lease_until IS NULL OR r.lease_until < ?)"
                  + " ORDER BY r.next_run_at, r.tenant_id LIMIT ?")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setTimestamp(2, Timestamp.from(now));
        s.setInt(3, max);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            due.add(rs.getLong(1));
          }
        }
      }
      return due;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Takes the tenant's purge for {@code owner} until {@code until}; false if someone else has it.
   */
  public boolean claimTenant(long tenantId, String owner, Instant now, Instant until) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE retention_setting SET lease_owner = ?, lease_until = ?"
                    + " WHERE tenant_id = ? AND next_run_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ?)")) {
      s.setString(1, owner);
      s.setTimestamp(2, Timestamp.from(until));
      s.setLong(3, tenantId);
      s.setTimestamp(4, Timestamp.from(now));
      s.setTimestamp(5, Timestamp.from(now));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Setting> setting(long tenantId) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT retention_days, legal_hold FROM retention_setting WHERE tenant_id = ?")) {
      s.setLong(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int days = rs.getInt(1);
        return Optional.of(new Setting(rs.wasNull() ? null : days, rs.getBoolean(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends the tenant's run: records what was deleted, schedules the next run, frees the lease. */
  public void finishTenant(
      long tenantId,
      String owner,
      Instant now,
      Instant next,
      String runId,
      Map<String, Long> counts,
      Instant cutoff) {
    try (Connection c = ds.getConnection()) {
      record(c, runId, tenantId, "RETENTION", counts, cutoff, now);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE retention_setting SET last_run_at = ?, next_run_at = ?, lease_owner = NULL,"
                  + " lease_until = NULL WHERE tenant_id = ? AND lease_owner = ?")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setTimestamp(2, Timestamp.from(next));
        s.setLong(3, tenantId);
        s.setString(4, owner);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Frees a tenant's lease without moving its schedule (the run failed and is retried). */
  public void releaseTenant(long tenantId, String owner) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE retention_setting SET lease_owner = NULL, lease_until = NULL"
                    + " WHERE tenant_id = ? AND lease_owner = ?")) {
      s.setLong(1, tenantId);
      s.setString(2, owner);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void record(
      String runId, Long tenantRef, String kind, Map<String, Long> counts, Instant cutoff) {
    try (Connection c = ds.getConnection()) {
      record(c, runId, tenantRef, kind, counts, cutoff, Instant.now());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void record(
      Connection c,
      String runId,
      Long tenantRef,
      String kind,
      Map<String, Long> counts,
      Instant cutoff,
      Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO purge_record (run_id, tenant_ref, kind, item, deleted_count, cutoff,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        s.setString(1, runId);
        s.setObject(2, tenantRef);
        s.setString(3, kind);
        s.setString(4, e.getKey());
        s.setLong(5, e.getValue());
        s.setTimestamp(6, cutoff == null ? null : Timestamp.from(cutoff));
        s.setTimestamp(7, Timestamp.from(now));
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
