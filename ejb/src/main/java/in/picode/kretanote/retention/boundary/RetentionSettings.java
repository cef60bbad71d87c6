package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The current tenant's retention period and legal hold, changed by OWNER or ADMIN in settings.
 * Every change is audited; a period outside the configured range and a request by another role are
 * refused and change nothing.
 */
@Stateless
@TenantScoped
public class RetentionSettings {

  public static final int REASON_MAX = 500;

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject PrivacyConfig config;
  @Inject AuditLog audit;

  /** What the settings page shows. */
  public record View(
      int retentionDays,
      boolean isDefault,
      int defaultDays,
      int minDays,
      int maxDays,
      boolean legalHold,
      String legalHoldReason,
      Instant lastRunAt) {}

  public View current() {
    long tenant = Tenancy.require();
    RetentionPolicy policy = config.policy();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT retention_days, legal_hold, legal_hold_reason, last_run_at"
                    + " FROM retention_setting WHERE tenant_id = ?")) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return new View(
              policy.defaultDays(),
              true,
              policy.defaultDays(),
              policy.minDays(),
              policy.maxDays(),
              false,
              null,
              null);
        }
        int days = rs.getInt(1);
        Integer stored = rs.wasNull() ? null : days;
        Timestamp last = rs.getTimestamp(4);
        return new View(
            policy.effectiveDays(stored),
            stored == null,
            policy.defaultDays(),
            policy.minDays(),
            policy.maxDays(),
            rs.getBoolean(2),
            rs.getString(3),
            last == null ? null : last.toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void setPeriod(Integer days, Requester who) {
    requireOwnerOrAdmin(who);
    String refusal = config.policy().refusal(days);
    if (refusal != null) {
      throw new PrivacyRefusedException(refusal);
    }
    int before = current().retentionDays();
    upsert("retention_days", days);
    audit.record(
        who.userId(),
        who.email(),
        "RETENTION_PERIOD_SET",
        "retention period " + before + " -> " + days + " days",
        who.clientAddress());
  }

  /** Turns the tenant-wide legal hold on (with a reason) or off; purging stops while it is on. */
  public void setLegalHold(boolean on, String reason, Requester who) {
    requireOwnerOrAdmin(who);
    String r = reason == null ? "" : reason.strip();
    if (on && r.isEmpty()) {
      throw new PrivacyRefusedException("Say why the data must be kept (for the audit log).");
    }
    if (r.length() > REASON_MAX) {
      throw new PrivacyRefusedException(
          "The reason can have at most " + REASON_MAX + " characters.");
    }
    upsert("legal_hold", on);
    upsert("legal_hold_reason", on ? r : null);
    audit.record(
        who.userId(),
        who.email(),
        on ? "LEGAL_HOLD_ON" : "LEGAL_HOLD_OFF",
        on ? "tenant-wide legal hold: " + limit(r, 440) : "tenant-wide legal hold lifted",
        who.clientAddress());
  }

  static void requireOwnerOrAdmin(Requester who) {
    if (who == null || !who.isOwnerOrAdmin()) {
      throw new PrivacyRefusedException("Only an owner or admin can do this.");
    }
  }

  private void upsert(String column, Object value) {
    long tenant = Tenancy.require();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO retention_setting (tenant_id, "
                    + column
                    + ", updated_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
                    + column
                    + " = VALUES("
                    + column
                    + "), updated_at = VALUES(updated_at), version = version + 1")) {
      s.setLong(1, tenant);
      s.setObject(2, value);
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
