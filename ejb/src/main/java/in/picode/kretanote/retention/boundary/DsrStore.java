package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.retention.control.ExportArchive;
import in.picode.kretanote.retention.control.ExportSection;
import in.picode.kretanote.retention.control.MessageStep;
import in.picode.kretanote.retention.control.PurgeBatch;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The database work of data-subject requests, one transaction per call, every statement filtered by
 * the tenant id the caller passes (the current tenant). A contact id of another tenant is simply
 * not found.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DsrStore {

  /** Tables erasure handles itself (or keeps: the request log). */
  private static final Set<String> HANDLED =
      Set.of(
          "contact",
          "conversation",
          "message",
          "message_status",
          "reaction",
          "media",
          "data_subject_request");

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject AuditLog audit;

  public ContactPrivacy contact(long tenant, long contactId) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, display_name, profile_name, wa_id, email, phone, opted_out,"
                    + " automation_opt_out, legal_hold FROM contact WHERE tenant_id = ? AND id = ?")) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw notFound();
        }
        return new ContactPrivacy(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getBoolean(7),
            rs.getBoolean(8),
            rs.getBoolean(9));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static PrivacyRefusedException notFound() {
    return new PrivacyRefusedException("There is no such contact in this account.");
  }

  public byte[] export(long tenant, long contactId, Requester who, Instant now) {
    ContactPrivacy contact = contact(tenant, contactId);
    try (Connection c = ds.getConnection()) {
      List<ExportSection> sections = new ArrayList<>();
      sections.add(
          rows(
              c,
              "contact",
              "SELECT * FROM contact WHERE tenant_id = ? AND id = ?",
              tenant,
              contactId));
      sections.add(
          rows(
              c,
              "conversations",
              "SELECT * FROM conversation WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
              tenant,
              contactId));
      sections.add(
          rows(
              c,
              "messages",
              "SELECT * FROM message WHERE tenant_id = ? AND contact_id = ? ORDER BY created_at, id",
              tenant,
              contactId));
      sections.add(
          rows(
              c,
              "message_statuses",
              "SELECT s.* FROM message_status s JOIN message m ON m.tenant_id = s.tenant_id"
                  + " AND m.wamid = s.wamid WHERE m.tenant_id = ? AND m.contact_id = ?"
                  + " ORDER BY s.occurred_at, s.id",
              tenant,
              contactId));
      sections.add(
          rows(
              c,
              "reactions",
              "SELECT * FROM reaction WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
              tenant,
              contactId));
      sections.add(
          rows(
              c,
              "media",
              "SELECT d.id, d.message_id, d.media_id, d.mime_type, d.sha256, d.size_bytes,"
                  + " d.state, d.created_at FROM media d JOIN message m ON m.tenant_id ="
                  + " d.tenant_id AND m.id = d.message_id WHERE d.tenant_id = ? AND m.contact_id = ?"
                  + " ORDER BY d.id",
              tenant,
              contactId));
      for (String table : contactTables(c)) {
        if (table.startsWith("consent")) {
          sections.add(
              rows(
                  c,
                  table,
                  "SELECT * FROM " + table + " WHERE tenant_id = ? AND contact_id = ?",
                  tenant,
                  contactId));
        }
      }
      sections.add(
          rows(
              c,
              "privacy_requests",
              "SELECT id, kind, actor_email, requested_at, outcome, detail FROM"
                  + " data_subject_request WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
              tenant,
              contactId));
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("exported_at", now.toString());
      header.put("contact_id", contact.id());
      header.put(
          "note",
          "Everything KretaNote holds about this contact for this account; media files are listed,"
              + " their content can be downloaded in the inbox.");
      byte[] zip = ExportArchive.zip(header, sections);
      int messages = sections.get(2).rows().size();
      log(c, tenant, contactId, "EXPORT", who, now, "DONE", messages + " message(s) exported");
      audit.record(
          who.userId(),
          who.email(),
          "DSR_EXPORT",
          "contact #" + contactId + " exported (" + messages + " messages)",
          who.clientAddress());
      return zip;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void correct(
      long tenant,
      long contactId,
      String displayName,
      String email,
      String phone,
      Requester who,
      Instant now) {
    contact(tenant, contactId);
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE contact SET display_name = ?, email = ?, phone = ?, updated_at = ?,"
                  + " version = version + 1 WHERE tenant_id = ? AND id = ?")) {
        s.setString(1, displayName);
        s.setString(2, email);
        s.setString(3, phone);
        s.setTimestamp(4, Timestamp.from(now));
        s.setLong(5, tenant);
        s.setLong(6, contactId);
        s.executeUpdate();
      }
      log(c, tenant, contactId, "CORRECTION", who, now, "DONE", "name, email and phone corrected");
      audit.record(
          who.userId(),
          who.email(),
          "DSR_CORRECTION",
          "contact #" + contactId + " corrected (name, email, phone)",
          who.clientAddress());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void flag(
      long tenant, long contactId, String column, boolean on, Requester who, Instant now) {
    if (!column.equals("automation_opt_out") && !column.equals("legal_hold")) {
      throw new IllegalArgumentException(column);
    }
    contact(tenant, contactId);
    String kind = column.equals("legal_hold") ? "LEGAL_HOLD" : "AUTOMATION_OPT_OUT";
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE contact SET "
                  + column
                  + " = ?, updated_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ?")) {
        s.setBoolean(1, on);
        s.setTimestamp(2, Timestamp.from(now));
        s.setLong(3, tenant);
        s.setLong(4, contactId);
        s.executeUpdate();
      }
      String detail = (on ? "set" : "lifted");
      log(c, tenant, contactId, kind, who, now, "DONE", detail);
      audit.record(
          who.userId(),
          who.email(),
          "DSR_" + kind,
          "contact #" + contactId + ": " + kind.toLowerCase().replace('_', ' ') + " " + detail,
          who.clientAddress());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Erases the contact; returns what was deleted and the media files to delete after commit. */
  public PurgeBatch erase(long tenant, long contactId, Requester who, Instant now, int batch) {
    ContactPrivacy contact = contact(tenant, contactId);
    if (contact.legalHold()) {
      throw new PrivacyRefusedException(
          "This contact is under legal hold; lift the hold before erasing the contact.");
    }
    try (Connection c = ds.getConnection()) {
      String identity;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT identity_key FROM contact WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
        s.setLong(1, tenant);
        s.setLong(2, contactId);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          identity = rs.getString(1);
        }
      }
      // A STOP is the contact flag or withdrawn marketing consent in the consent ledger (read
      // before the ledger rows are erased with the contact).
      boolean saidStop = contact.optedOut();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT 1 FROM contact_consent WHERE tenant_id = ? AND contact_id = ?"
                  + " AND category = 'MARKETING' AND granted = FALSE")) {
        s.setLong(1, tenant);
        s.setLong(2, contactId);
        try (ResultSet rs = s.executeQuery()) {
          saidStop |= rs.next();
        }
      }
      Map<String, Integer> counts = new TreeMap<>();
      List<String> files = new ArrayList<>();
      while (true) {
        List<Long> ids = new ArrayList<>();
        List<String> wamids = new ArrayList<>();
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, wamid FROM message WHERE tenant_id = ? AND contact_id = ?"
                    + " ORDER BY id LIMIT ?")) {
          s.setLong(1, tenant);
          s.setLong(2, contactId);
          s.setInt(3, batch);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
              if (rs.getString(2) != null) {
                wamids.add(rs.getString(2));
              }
            }
          }
        }
        if (ids.isEmpty()) {
          break;
        }
        PurgeBatch b = MessageStep.deleteMessages(c, tenant, ids, wamids);
        b.rows().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        files.addAll(b.files());
      }
      counts.merge(
          "reaction",
          update(
              c, "DELETE FROM reaction WHERE tenant_id = ? AND contact_id = ?", tenant, contactId),
          Integer::sum);
      if (contact.waId() != null) {
        try (PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM message_status WHERE tenant_id = ? AND recipient = ?")) {
          s.setLong(1, tenant);
          s.setString(2, contact.waId());
          counts.merge("message_status", s.executeUpdate(), Integer::sum);
        }
      }
      // Private notes and labels hang on the contact's conversations.
      for (String child : List.of("conversation_note", "conversation_label")) {
        counts.put(
            child,
            update(
                c,
                "DELETE FROM "
                    + child
                    + " WHERE tenant_id = ? AND conversation_id IN (SELECT k.id FROM"
                    + " conversation k WHERE k.tenant_id = "
                    + child
                    + ".tenant_id AND k.contact_id = ?)",
                tenant,
                contactId));
      }
      counts.put(
          "conversation",
          update(
              c,
              "DELETE FROM conversation WHERE tenant_id = ? AND contact_id = ?",
              tenant,
              contactId));
      for (String table : contactTables(c)) {
        if (!HANDLED.contains(table)) {
          counts.put(
              table,
              update(
                  c,
                  "DELETE FROM " + table + " WHERE tenant_id = ? AND contact_id = ?",
                  tenant,
                  contactId));
        }
      }
      boolean suppressed = false;
      if (saidStop) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT IGNORE INTO suppression (tenant_id, identity_hash, created_at)"
                    + " VALUES (?, ?, ?)")) {
          s.setLong(1, tenant);
          s.setBytes(
              2, suppressionHash(tenant, contact.waId() != null ? contact.waId() : identity));
          s.setTimestamp(3, Timestamp.from(now));
          s.executeUpdate();
          suppressed = true;
        }
      }
      counts.put(
          "contact",
          update(c, "DELETE FROM contact WHERE tenant_id = ? AND id = ?", tenant, contactId));
      counts.values().removeIf(n -> n == 0);
      String detail =
          "erased "
              + DeletionStore.summary(new TreeMap<>(toLong(counts)))
              + (files.isEmpty() ? "" : ", media files: " + files.size())
              + (suppressed ? "; STOP kept as a suppression record" : "");
      log(c, tenant, contactId, "ERASURE", who, now, "DONE", detail);
      Map<String, Long> recorded = new TreeMap<>(toLong(counts));
      if (!files.isEmpty()) {
        recorded.put("media files", (long) files.size());
      }
      PurgeStore.record(
          c, java.util.UUID.randomUUID().toString(), tenant, "ERASURE", recorded, null, now);
      audit.record(
          who.userId(),
          who.email(),
          "DSR_ERASURE",
          "contact #"
              + contactId
              + " "
              + (detail.length() > 440 ? detail.substring(0, 440) : detail),
          who.clientAddress());
      return new PurgeBatch(counts, files);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Logs a refused request in a transaction of its own (the refused one rolled back). */
  public void logRefused(
      long tenant, long contactId, String kind, Requester who, Instant now, String reason) {
    try (Connection c = ds.getConnection()) {
      log(c, tenant, contactId, kind, who, now, "REFUSED", reason);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<RequestLogEntry> history(long tenant, long contactId) {
    List<RequestLogEntry> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, contact_id, kind, actor_email, requested_at, outcome, detail FROM"
                    + " data_subject_request WHERE tenant_id = ? AND contact_id = ?"
                    + " ORDER BY id DESC LIMIT 200")) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RequestLogEntry(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6),
                  rs.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Whether automated processing (campaigns, automations, bots) may touch this contact. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean automatedProcessingAllowed(long tenant, long contactId) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT c.automation_opt_out, c.opted_out, t.status FROM contact c"
                    + " JOIN tenant t ON t.id = c.tenant_id WHERE c.tenant_id = ? AND c.id = ?")) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            && !rs.getBoolean(1)
            && !rs.getBoolean(2)
            && "ACTIVE".equals(rs.getString(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean suppressed(long tenant, String waId) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT 1 FROM suppression WHERE tenant_id = ? AND identity_hash = ?")) {
      s.setLong(1, tenant);
      s.setBytes(2, suppressionHash(tenant, waId));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] suppressionHash(long tenant, String identity) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((tenant + ":" + identity).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tables with both tenant_id and contact_id columns (consent ledger, outbox ... when merged). */
  static List<String> contactTables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT a.table_name FROM information_schema.columns a JOIN"
                    + " information_schema.columns b ON b.table_schema = a.table_schema AND"
                    + " b.table_name = a.table_name AND b.column_name = 'contact_id'"
                    + " JOIN information_schema.tables t ON t.table_schema = a.table_schema"
                    + " AND t.table_name = a.table_name AND t.table_type = 'BASE TABLE'"
                    + " WHERE a.table_schema = DATABASE() AND a.column_name = 'tenant_id'"
                    + " ORDER BY a.table_name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static ExportSection rows(
      Connection c, String name, String sql, long tenant, long contact) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, tenant);
      s.setLong(2, contact);
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

  private static void log(
      Connection c,
      long tenant,
      long contactId,
      String kind,
      Requester who,
      Instant now,
      String outcome,
      String detail)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO data_subject_request (tenant_id, contact_id, kind, actor_id, actor_email,"
                + " requested_at, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      s.setString(3, kind);
      s.setObject(4, who == null ? null : who.userId());
      s.setString(5, who == null ? null : who.email());
      s.setTimestamp(6, Timestamp.from(now));
      s.setString(7, outcome);
      s.setString(
          8, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
      s.executeUpdate();
    }
  }

  private static int update(Connection c, String sql, long tenant, long contactId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      return s.executeUpdate();
    }
  }

  private static Map<String, Long> toLong(Map<String, Integer> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.longValue()));
    return out;
  }
}
