package in.picode.kretanote.connection.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * STUB until the connection branch (issue 4) lands; replace this file with its implementation.
 *
 * <p>Routes a webhook by {@code metadata.phone_number_id} to the tenant that connected the number.
 * It runs before any tenant is known, so it reads {@code whatsapp_connection} without a tenant
 * filter; the phone number id is unique platform-wide, so at most one tenant can match. The
 * contract the inbound pipeline relies on: empty means no tenant owns the number (the event is kept
 * as unroutable), and the same id always yields the same route while the number stays connected.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Routing {

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  public Optional<Route> route(String phoneNumberId) {
    if (phoneNumberId == null || phoneNumberId.isBlank() || phoneNumberId.length() > 64) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT tenant_id, id FROM whatsapp_connection WHERE phone_number_id = ?")) {
      s.setString(1, phoneNumberId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new Route(rs.getLong(1), rs.getLong(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Routing lookup failed: " + e.getMessage(), e);
    }
  }
}
