package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.contact.boundary.ContactRights;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.ExportSection;
import in.picode.kretanote.platform.control.TenantData;
import in.picode.kretanote.retention.control.ExportArchive;
import in.picode.kretanote.retention.control.PurgeSteps;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Tenant;
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
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The database work of data-subject requests, one transaction per call, every statement filtered by
 * the tenant id the caller passes (the current tenant). A contact id of another tenant is simply
 * not found. Export and erasure ask every feature's {@link TenantData} for the contact's rows in
 * its own tables, and the contact's row is read and changed by the contact feature ({@link
 * ContactRights}); this class keeps the request log, the suppression record, the purge record and
 * the audit entry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DsrStore {

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject AuditLog audit;
  @Inject PurgeSteps steps;
  @Inject ContactRights rights;
  @Inject Tenants tenants;

  public ContactPrivacy contact(long tenant, long contactId) {
    ContactRights.Row r = rights.find(tenant, contactId).orElseThrow(DsrStore::notFound);
    return new ContactPrivacy(
        r.id(),
        r.displayName(),
        r.profileName(),
        r.waId(),
        r.email(),
        r.phone(),
        r.optedOut(),
        r.automationOptOut(),
        r.legalHold());
  }

  static PrivacyRefusedException notFound() {
    return new PrivacyRefusedException(PrivacyWords.NO_SUCH_CONTACT.with());
  }

  /**
   * Every feature's rows about the contact ({@link TenantData#export}, the contact's own feature
   * first), and the request log, as a zip.
   */
  public byte[] export(long tenant, long contactId, Requester who, Instant now) {
    ContactPrivacy contact = contact(tenant, contactId);
    DataSubject subject = new DataSubject(tenant, contactId, contact.waId());
    try (Connection c = ds.getConnection()) {
      List<ExportSection> sections = new ArrayList<>();
      List<TenantData> owners = new ArrayList<>(steps.owners());
      Collections.reverse(owners);
      for (TenantData owner : owners) {
        sections.addAll(owner.export(c, subject));
      }
      sections.add(
          ExportSection.query(
              c,
              "privacy_requests",
              "SELECT id, kind, actor_email, requested_at, outcome, detail FROM"
                  + " data_subject_request WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
              subject));
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("exported_at", now.toString());
      header.put("contact_id", contact.id());
      header.put(
          "note",
          "Everything KretaNote holds about this contact for this account; media files are listed,"
              + " their content can be downloaded in the inbox.");
      byte[] zip = ExportArchive.zip(header, sections);
      int messages =
          sections.stream()
              .filter(x -> x.name().equals("messages"))
              .mapToInt(x -> x.rows().size())
              .sum();
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
    rights.correct(tenant, contactId, displayName, email, phone, now);
    try (Connection c = ds.getConnection()) {
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
    rights.flag(tenant, contactId, ContactRights.Flag.valueOf(kind), on, now);
    try (Connection c = ds.getConnection()) {
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
      throw new PrivacyRefusedException(PrivacyWords.CONTACT_ON_HOLD.with());
    }
    DataSubject subject = new DataSubject(tenant, contactId, contact.waId());
    String identity = rights.lock(tenant, contactId).orElseThrow(DsrStore::notFound);
    try (Connection c = ds.getConnection()) {
      // A STOP (the contact's flag, withdrawn marketing consent ...) is read from every feature
      // before their rows are erased with the contact.
      boolean saidStop = false;
      for (TenantData owner : steps.owners()) {
        saidStop |= owner.saidStop(c, subject);
      }
      // Each feature erases its own rows, in purge order (the contact row last but for the
      // tables that outlive it).
      PurgeBatch erased = PurgeBatch.EMPTY;
      for (TenantData owner : steps.owners()) {
        erased = erased.plus(owner.erase(c, subject, batch));
      }
      Map<String, Integer> counts = new TreeMap<>(erased.rows());
      List<String> files = erased.files();
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
    return rights
            .find(tenant, contactId)
            .filter(r -> !r.automationOptOut() && !r.optedOut())
            .isPresent()
        && tenants.find(tenant).filter(t -> t.getStatus() == Tenant.Status.ACTIVE).isPresent();
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

  /** {@link #automatedProcessingAllowed(long, long)} for several contacts: the allowed ones. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<Long> automatedProcessingAllowed(long tenant, Collection<Long> contactIds) {
    if (tenants.find(tenant).filter(t -> t.getStatus() == Tenant.Status.ACTIVE).isEmpty()) {
      return Set.of();
    }
    return rights.automationAllowed(tenant, contactIds);
  }

  /** {@link #suppressed(long, String)} for several WhatsApp ids, in one query: the suppressed. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<String> suppressed(long tenant, List<String> waIds) {
    Map<String, String> byHash = new HashMap<>();
    for (String waId : waIds) {
      byHash.put(HexFormat.of().formatHex(suppressionHash(tenant, waId)), waId);
    }
    Set<String> out = new HashSet<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT identity_hash FROM suppression WHERE tenant_id = ? AND identity_hash IN ("
                    + String.join(", ", Collections.nCopies(waIds.size(), "?"))
                    + ")")) {
      s.setLong(1, tenant);
      int p = 2;
      for (String waId : waIds) {
        s.setBytes(p++, suppressionHash(tenant, waId));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(byHash.get(HexFormat.of().formatHex(rs.getBytes(1))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static byte[] suppressionHash(long tenant, String identity) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((tenant + ":" + identity).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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

  private static Map<String, Long> toLong(Map<String, Integer> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.longValue()));
    return out;
  }
}
