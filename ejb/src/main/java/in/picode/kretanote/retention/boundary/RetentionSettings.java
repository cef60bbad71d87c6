package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
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
  private static final SecureRandom RANDOM = new SecureRandom();

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
    Wording refusal = config.policy().refusal(days);
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
      throw new PrivacyRefusedException(PrivacyWords.HOLD_REASON_MISSING.with());
    }
    if (r.length() > REASON_MAX) {
      throw new PrivacyRefusedException(PrivacyWords.HOLD_REASON_LONG.with(REASON_MAX));
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

  /**
   * The token of the business's public privacy page ({@code /privacy.xhtml?business=<token>}), made
   * on first use: 32 random bytes, URL-safe. The page shows only the business's name and the period
   * above, so any member may see the link.
   */
  public String publicPageToken() {
    long tenant = Tenancy.require();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try (Connection c = ds.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO retention_setting (tenant_id, public_page_token, updated_at)"
                    + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE public_page_token ="
                    + " COALESCE(public_page_token, VALUES(public_page_token))");
        PreparedStatement read =
            c.prepareStatement(
                "SELECT public_page_token FROM retention_setting WHERE tenant_id = ?")) {
      insert.setLong(1, tenant);
      insert.setString(2, fresh);
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.executeUpdate();
      read.setLong(1, tenant);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void requireOwnerOrAdmin(Requester who) {
    if (who == null || !who.isOwnerOrAdmin()) {
      throw new PrivacyRefusedException(PrivacyWords.OWNER_OR_ADMIN.with());
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
