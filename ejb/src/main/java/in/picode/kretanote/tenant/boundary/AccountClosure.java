package in.picode.kretanote.tenant.boundary;

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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tenant feature's part in deleting an account: the tenant row and its team as account deletion
 * needs them. Retention orchestrates (the grace period, the purge, the receipt); this class alone
 * writes the tenant's, the users', the links' and the invitations' rows for it. Every method joins
 * the caller's transaction and names the tenant it works on (the purge runs outside any tenant's
 * request).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AccountClosure {

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  /** The account and the user asking to delete it, as the checks before scheduling need them. */
  public record Request(
      String tenantName, String tenantStatus, String email, boolean activeOwner, String language) {}

  /**
   * Locks the tenant row for the rest of the transaction and reads it with the requesting user;
   * empty when the tenant no longer exists. {@code email} is null for a user of another tenant;
   * {@code language} is the one the user chose (null: none).
   */
  public Optional<Request> lock(long tenant, long userId) {
    try (Connection c = ds.getConnection()) {
      String name;
      String status;
      try (PreparedStatement s =
          c.prepareStatement("SELECT name, status FROM tenant WHERE id = ? FOR UPDATE")) {
        s.setLong(1, tenant);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          name = rs.getString(1);
          status = rs.getString(2);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT email, role, status, language FROM user_account WHERE id = ? AND"
                  + " tenant_id = ?")) {
        s.setLong(1, userId);
        s.setLong(2, tenant);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.of(new Request(name, status, null, false, null));
          }
          boolean owner = "OWNER".equals(rs.getString(2)) && "ACTIVE".equals(rs.getString(3));
          return Optional.of(new Request(name, status, rs.getString(1), owner, rs.getString(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The account is scheduled for deletion: the tenant is DELETION_PENDING (nobody signs in, senders
   * stop), every session ends, every pending link (password reset, verification) is void and every
   * open invitation revoked.
   */
  public void deletionScheduled(long tenant, Instant now) {
    try (Connection c = ds.getConnection()) {
      update(
          c,
          "UPDATE tenant SET status = 'DELETION_PENDING', version = version + 1 WHERE id = ?",
          tenant);
      update(
          c,
          "UPDATE user_account SET session_generation = session_generation + 1,"
              + " version = version + 1 WHERE tenant_id = ?",
          tenant);
      update(c, "DELETE FROM one_time_token WHERE tenant_id = ?", tenant);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE invitation SET revoked_at = ? WHERE tenant_id = ? AND accepted_at IS NULL"
                  + " AND revoked_at IS NULL")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setLong(2, tenant);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The owner cancelled in the grace period: the tenant is ACTIVE again (sign-in works). */
  public void deletionCancelled(long tenant) {
    try (Connection c = ds.getConnection()) {
      update(
          c,
          "UPDATE tenant SET status = 'ACTIVE', version = version + 1 WHERE id = ?"
              + " AND status = 'DELETION_PENDING'",
          tenant);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tenant's name while its row exists (the receipt names the account). */
  public Optional<String> name(long tenant) {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT name FROM tenant WHERE id = ?")) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The last step of the account purge, after every feature's tables: deletes the tenant row;
   * returns the rows deleted (0 when it was gone already).
   */
  public int purgeTenantRow(long tenant) {
    try (Connection c = ds.getConnection()) {
      return update(c, "DELETE FROM tenant WHERE id = ?", tenant);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int update(Connection c, String sql, long tenant) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, tenant);
      return s.executeUpdate();
    }
  }
}
