package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.AccountClosure;
import in.picode.kretanote.tenant.boundary.NotificationMailRequested;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database side of account deletion, each method one transaction: scheduling (after
 * re-authentication), cancelling, claiming a due purge, and finishing it with the receipt. This
 * class writes retention's own rows ({@code account_deletion}, the purge record); the tenant's, its
 * users' and their links' rows are changed by the tenant feature ({@link AccountClosure}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeletionStore {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject AuditLog audit;
  @Inject AccountClosure closure;
  @Inject Event<NotificationMailRequested> mails;
  @Inject PrivacyConfig config;

  @Inject
  @ConfigProperty(name = "kretanote.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** A scheduled deletion as the owner's page and the operators see it. */
  public record Deletion(
      long id,
      long tenantRef,
      String status,
      Instant requestedAt,
      Instant purgeAfter,
      Instant cancelledAt,
      Instant purgedAt,
      Instant receiptSentAt,
      String summary) {}

  /**
   * Checks (after the caller re-authenticated the owner) the role and the typed tenant name, then
   * at once: the tenant is DELETION_PENDING (nobody signs in, senders stop), every session ends,
   * every pending link (password reset, verification, invitation) is void, and the purge is
   * scheduled.
   */
  public Deletion schedule(Requester who, String typedName, Duration grace, Instant now) {
    long tenant = Tenancy.require();
    AccountClosure.Request request =
        closure
            .lock(tenant, who.userId())
            .orElseThrow(() -> new PrivacyRefusedException(PrivacyWords.ACCOUNT_GONE.with()));
    if (!request.activeOwner()) {
      throw new PrivacyRefusedException(PrivacyWords.DELETE_BY_OWNER.with());
    }
    String name = request.tenantName();
    String email = request.email();
    if (typedName == null || !typedName.strip().equals(name)) {
      throw new PrivacyRefusedException(PrivacyWords.DELETE_NAME_MISMATCH.with(name));
    }
    if (!"ACTIVE".equals(request.tenantStatus())) {
      throw new PrivacyRefusedException(PrivacyWords.DELETION_SCHEDULED.with());
    }
    closure.deletionScheduled(tenant, now);
    try (Connection c = ds.getConnection()) {
      Instant purgeAfter = now.plus(grace);
      long id;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO account_deletion (tenant_ref, status, owner_email, owner_language,"
                  + " requested_at, purge_after) VALUES (?, 'PENDING', ?, ?, ?, ?)",
              PreparedStatement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, tenant);
        s.setString(2, email);
        s.setString(3, request.language());
        s.setTimestamp(4, Timestamp.from(now));
        s.setTimestamp(5, Timestamp.from(purgeAfter));
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      audit.record(
          who.userId(),
          who.email(),
          "ACCOUNT_DELETION_REQUESTED",
          "all data will be purged after " + WHEN.format(purgeAfter) + "; sign-in disabled",
          who.clientAddress());
      mails.fire(
          new NotificationMailRequested(
              List.of(new NotificationMailRequested.Recipient(email, request.language())),
              name,
              PrivacyWords.DELETION_MAIL_SUBJECT.with(),
              List.of(
                  PrivacyWords.DELETION_MAIL_BODY.with(name, purgeAfter),
                  PrivacyWords.DELETION_MAIL_CANCEL.with(
                      (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/")
                          + "cancel-deletion.xhtml")),
              false));
      return new Deletion(id, tenant, "PENDING", now, purgeAfter, null, null, null, null);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cancels the tenant's pending deletion unless its purge has already begun; false if none. */
  public boolean cancel(long tenant, long userId, String email, String clientAddress, Instant now) {
    try (Connection c = ds.getConnection()) {
      int n;
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE account_deletion SET status = 'CANCELLED', cancelled_at = ?,"
                  + " owner_email = NULL, owner_language = NULL, version = version + 1"
                  + " WHERE tenant_ref = ?"
                  + " AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setLong(2, tenant);
        s.setTimestamp(3, Timestamp.from(now));
        n = s.executeUpdate();
      }
      if (n == 0) {
        return false;
      }
      closure.deletionCancelled(tenant);
      Tenancy.runAs(
          tenant,
          () ->
              audit.record(
                  userId,
                  email,
                  "ACCOUNT_DELETION_CANCELLED",
                  "deletion cancelled by the owner; sign-in enabled again; reconnect WhatsApp",
                  clientAddress));
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Deletion> pending(long tenant) {
    return list("WHERE tenant_ref = ? AND status = 'PENDING'", tenant, 1).stream().findFirst();
  }

  public List<Deletion> latest(int max) {
    return list("", null, max);
  }

  /** Deletions due at {@code now} and not leased by a server. */
  public List<long[]> due(Instant now, int max) {
    List<long[]> due = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, tenant_ref FROM account_deletion WHERE status = 'PENDING'"
                    + " AND purge_after <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " ORDER BY purge_after, id LIMIT ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setTimestamp(2, Timestamp.from(now));
      s.setInt(3, max);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          due.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return due;
  }

  public boolean claim(long id, String owner, Instant now, Instant until) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE account_deletion SET lease_owner = ?, lease_until = ?"
                    + " WHERE id = ? AND status = 'PENDING' AND purge_after <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ?)")) {
      s.setString(1, owner);
      s.setTimestamp(2, Timestamp.from(until));
      s.setLong(3, id);
      s.setTimestamp(4, Timestamp.from(now));
      s.setTimestamp(5, Timestamp.from(now));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void release(long id, String owner) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE account_deletion SET lease_owner = NULL, lease_until = NULL"
                    + " WHERE id = ? AND lease_owner = ?")) {
      s.setLong(1, id);
      s.setString(2, owner);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The last step: deletes the tenant row, marks the deletion PURGED with its summary, records the
   * counts, and mails the receipt to the owner once this commits (then forgets the address).
   */
  public void finish(long id, long tenant, String runId, Map<String, Long> counts, Instant now) {
    try (Connection c = ds.getConnection()) {
      String name = closure.name(tenant).orElse(null);
      String ownerEmail = null;
      String ownerLanguage = null;
      Instant requestedAt = null;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT owner_email, requested_at, owner_language FROM account_deletion"
                  + " WHERE id = ? FOR UPDATE")) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            ownerEmail = rs.getString(1);
            requestedAt = rs.getTimestamp(2).toInstant();
            ownerLanguage = rs.getString(3);
          }
        }
      }
      counts.put("tenant", (long) closure.purgeTenantRow(tenant));
      String summary = summary(counts);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE account_deletion SET status = 'PURGED', purged_at = ?, summary = ?,"
                  + " owner_email = NULL, owner_language = NULL, receipt_sent_at = ?,"
                  + " lease_owner = NULL,"
                  + " lease_until = NULL, version = version + 1 WHERE id = ?")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setString(2, summary.length() > 2000 ? summary.substring(0, 2000) : summary);
        s.setTimestamp(3, ownerEmail == null ? null : Timestamp.from(now));
        s.setLong(4, id);
        s.executeUpdate();
      }
      PurgeStore.record(c, runId, tenant, "ACCOUNT", counts, null, now);
      if (ownerEmail != null) {
        mails.fire(
            new NotificationMailRequested(
                List.of(new NotificationMailRequested.Recipient(ownerEmail, ownerLanguage)),
                name == null ? "" : name,
                PrivacyWords.RECEIPT_SUBJECT.with(),
                DeletionReceipt.paragraphs(
                    name, tenant, requestedAt, now, summary, config.backupRetentionDays()),
                false));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String summary(Map<String, Long> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (k, v) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(k).append(": ").append(v);
        });
    return b.toString();
  }

  private List<Deletion> list(String where, Long tenant, int max) {
    List<Deletion> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, tenant_ref, status, requested_at, purge_after, cancelled_at, purged_at,"
                    + " receipt_sent_at, summary FROM account_deletion "
                    + where
                    + " ORDER BY id DESC LIMIT ?")) {
      int i = 1;
      if (tenant != null) {
        s.setLong(i++, tenant);
      }
      s.setInt(i, Math.min(Math.max(max, 1), 500));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Deletion(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  instant(rs.getTimestamp(4)),
                  instant(rs.getTimestamp(5)),
                  instant(rs.getTimestamp(6)),
                  instant(rs.getTimestamp(7)),
                  instant(rs.getTimestamp(8)),
                  rs.getString(9)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
