package in.picode.kretanote.retention.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The page a business links its customers to: the privacy policy with the retention period that
 * business chose. It is found by the random token of {@link RetentionSettings#publicPageToken()},
 * without anyone signed in, so it answers only the business's name and its period; an unknown or
 * malformed token, or a business that is being deleted, finds nothing.
 */
@Stateless
public class PublicPrivacyPages {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject PrivacyConfig config;

  /** What the public page says of one business. */
  public record Page(String business, int retentionDays, boolean isDefault) {}

  public Optional<Page> find(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT t.name, r.retention_days FROM retention_setting r"
                    + " JOIN tenant t ON t.id = r.tenant_id"
                    + " WHERE r.public_page_token = ? AND t.status IN ('ACTIVE', 'SUSPENDED')")) {
      s.setString(1, token);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int days = rs.getInt(2);
        Integer stored = rs.wasNull() ? null : days;
        return Optional.of(
            new Page(rs.getString(1), config.policy().effectiveDays(stored), stored == null));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
