package in.picode.kretanote.inbound.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Records which tenants an applied webhook event was routed to ({@code webhook_event_route}), so
 * that an account purge and a contact's erasure find the raw events that concerned them (see {@code
 * inbound.control.InboundData}). Recording the same routes again changes nothing, so an event
 * applied again after a crash is recorded once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class EventRoutes {

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  /** Records the routes of a batch of applied events (event id to tenant ids) in one statement. */
  public void record(Map<Long, Set<Long>> tenantsByEvent) {
    if (tenantsByEvent.values().stream().allMatch(Set::isEmpty)) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT IGNORE INTO webhook_event_route (tenant_id, event_id) VALUES (?, ?)")) {
      for (Map.Entry<Long, Set<Long>> event : tenantsByEvent.entrySet()) {
        for (long tenant : event.getValue()) {
          s.setLong(1, tenant);
          s.setLong(2, event.getKey());
          s.addBatch();
        }
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Routes of webhook events "
              + tenantsByEvent.keySet()
              + " not recorded: "
              + e.getMessage(),
          e);
    }
  }
}
