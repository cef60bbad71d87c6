package in.picode.kretanote.contact.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The contact's row as the data-subject requests of retention need it: what the privacy page shows,
 * the correction of name, email and phone, the legal hold and the objection to automated
 * processing. Retention keeps the request log, the audit and the erasure's order; this class alone
 * writes the contact's row for them. Every statement names the tenant the caller passes, so a
 * contact of another tenant is simply not found; changes join the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ContactRights {

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  /** The contact's identity and the flags the privacy workflows read. */
  public record Row(
      long id,
      String displayName,
      String profileName,
      String waId,
      String email,
      String phone,
      boolean optedOut,
      boolean automationOptOut,
      boolean legalHold) {}

  /** The two flags a data-subject request sets or lifts. */
  public enum Flag {
    LEGAL_HOLD("legal_hold"),
    AUTOMATION_OPT_OUT("automation_opt_out");

    private final String column;

    Flag(String column) {
      this.column = column;
    }
  }

  public Optional<Row> find(long tenant, long contactId) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, display_name, profile_name, wa_id, email, phone, opted_out,"
                    + " automation_opt_out, legal_hold FROM contact WHERE tenant_id = ? AND id = ?")) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getBoolean(9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Of {@code contactIds}, the tenant's contacts that automated processing may touch (neither STOP
   * nor an objection), in one query.
   */
  public Set<Long> automationAllowed(long tenant, Collection<Long> contactIds) {
    Set<Long> out = new HashSet<>();
    if (contactIds.isEmpty()) {
      return out;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM contact WHERE tenant_id = ? AND opted_out = FALSE"
                    + " AND automation_opt_out = FALSE AND id IN ("
                    + String.join(", ", Collections.nCopies(contactIds.size(), "?"))
                    + ")")) {
      s.setLong(1, tenant);
      int p = 2;
      for (long id : contactIds) {
        s.setLong(p++, id);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /**
   * Locks the contact's row until the caller's transaction ends (an erasure) and returns its
   * identity key; empty when there is no such contact.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<String> lock(long tenant, long contactId) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT identity_key FROM contact WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
      s.setLong(1, tenant);
      s.setLong(2, contactId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The data subject's correction: name, email and phone as given. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void correct(
      long tenant, long contactId, String displayName, String email, String phone, Instant now) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
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
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets or lifts one of the contact's privacy flags. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void flag(long tenant, long contactId, Flag flag, boolean on, Instant now) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE contact SET "
                    + flag.column
                    + " = ?, updated_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ?")) {
      s.setBoolean(1, on);
      s.setTimestamp(2, Timestamp.from(now));
      s.setLong(3, tenant);
      s.setLong(4, contactId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
