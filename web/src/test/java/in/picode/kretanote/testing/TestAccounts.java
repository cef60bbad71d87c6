package in.picode.kretanote.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Tenants, users, contacts and audit entries written straight into the IT database, so a test can
 * start from "a business with an owner and an agent" without paying for a sign-up and a mail per
 * person. Passwords are hashed exactly as Jakarta Security's {@code Pbkdf2PasswordHash} stores them
 * ({@code PBKDF2WithHmacSHA256:600000:salt:hash}, base64), computed once per test JVM: every user
 * made here has {@link #PASSWORD}.
 */
public final class TestAccounts {

  public static final String PASSWORD = "correct horse battery";

  private static volatile String hash;

  public record User(long id, long tenantId, String email) {}

  private TestAccounts() {}

  /** A fresh short marker to keep names and addresses of one test apart from all others. */
  public static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  public static synchronized String passwordHash() {
    if (hash == null) {
      try {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key =
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 600_000, 256))
                .getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        hash =
            "PBKDF2WithHmacSHA256:600000:"
                + b64.encodeToString(salt)
                + ":"
                + b64.encodeToString(key);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return hash;
  }

  public static long tenant(String name) {
    return insert(
        "insert into tenant (name, status, country) values (?, 'ACTIVE', 'DE')",
        s -> s.setString(1, name));
  }

  /** An active, verified user of {@code tenantId} with {@link #PASSWORD}. */
  public static User user(long tenantId, String email, String role) {
    long id =
        insert(
            "insert into user_account (tenant_id, email, display_name, password_hash, role, status,"
                + " email_verified_at) values (?, ?, ?, ?, ?, 'ACTIVE', now(6))",
            s -> {
              s.setLong(1, tenantId);
              s.setString(2, email);
              s.setString(3, role.charAt(0) + role.substring(1).toLowerCase() + " " + email);
              s.setString(4, passwordHash());
              s.setString(5, role);
            });
    return new User(id, tenantId, email);
  }

  /** A business with one owner, named after {@code run}. */
  public static User owner(String label, String run) {
    long tenant = tenant(label + " " + run);
    return user(tenant, "owner-" + label.toLowerCase() + "-" + run + "@example.com", "OWNER");
  }

  public static long contact(long tenantId, String waId, String displayName) {
    return insert(
        "insert into contact (tenant_id, identity_key, wa_id, profile_name, display_name,"
            + " created_at, updated_at) values (?, ?, ?, ?, ?, now(6), now(6))",
        s -> {
          s.setLong(1, tenantId);
          s.setString(2, waId);
          s.setString(3, waId);
          s.setString(4, displayName);
          s.setString(5, displayName);
        });
  }

  /**
   * An audit entry {@code millisAgo} before now. Times are computed by the database in UTC, as the
   * server (which runs in UTC) writes them, whatever the test JVM's zone.
   */
  public static long auditEvent(long tenantId, long millisAgo, String action, String detail) {
    return insert(
        "insert into audit_event (tenant_id, occurred_at, action, detail, client_address)"
            + " values (?, timestampadd(MICROSECOND, ?, utc_timestamp(6)), ?, ?, '192.0.2.1')",
        s -> {
          s.setLong(1, tenantId);
          s.setLong(2, -millisAgo * 1000);
          s.setString(3, action);
          s.setString(4, detail);
        });
  }

  /**
   * Every test signs in from 127.0.0.1; failed sign-ins of one test must not delay the next, so
   * tests that fail sign-ins on purpose start and end with a clean slate.
   */
  public static void clearAddressThrottle() {
    update("delete from sign_in_delay");
  }

  public static int update(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row, or null when there is none. */
  public static Object value(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row, as text. */
  public static java.util.List<String> strings(String sql, Object... params) {
    java.util.List<String> values = new java.util.ArrayList<>();
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  /** The actions in a tenant's audit log, oldest first. */
  public static java.util.List<String> auditActions(long tenantId) {
    return strings(
        "select action from audit_event where tenant_id = ? order by occurred_at, id", tenantId);
  }

  public static long count(String sql, Object... params) {
    return ((Number) value(sql, params)).longValue();
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private static long insert(String sql, Binder binder) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      binder.bind(s);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
