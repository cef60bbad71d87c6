package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.inbound.control.EventLog;
import in.picode.kretanote.platform.control.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The event log as platform operators see it: how many events are in which state, which ones could
 * not be used (unroutable numbers, rejected bodies, failed applies) and why, and putting an event
 * back in line once its cause is fixed. Never the bodies: they are the tenants' messages.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookEvents {

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  /** An event that needs an operator's eye. */
  public record Problem(
      long id,
      Instant receivedAt,
      String state,
      int deliveries,
      int attempts,
      String reason,
      List<String> issues) {}

  /**
   * Deletes up to {@code limit} raw events received before the cut-off that were applied, refused
   * or given up on, with their issue rows; events still waiting to be applied stay. Returns how
   * many events were deleted. The retention purge calls it with the webhook retention period.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purgeHandled(Instant cutoff, int limit) {
    try (Connection c = dataSource.getConnection()) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id FROM webhook_event WHERE received_at < ? AND state <> 'RECEIVED'"
                  + " ORDER BY id LIMIT ? FOR UPDATE")) {
        s.setTimestamp(1, Timestamp.from(cutoff));
        s.setInt(2, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      Sql.update(c, "DELETE FROM webhook_event_issue WHERE event_id IN " + Sql.in(ids.size()), ids);
      return Sql.update(c, "DELETE FROM webhook_event WHERE id IN " + Sql.in(ids.size()), ids);
    } catch (SQLException e) {
      throw new IllegalStateException("Purge of webhook events failed: " + e.getMessage(), e);
    }
  }

  public Map<String, Long> countsByState() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (EventLog.State s : EventLog.State.values()) {
      counts.put(s.name(), 0L);
    }
    query(
        "SELECT state, COUNT(*) FROM webhook_event GROUP BY state",
        rs -> counts.put(rs.getString(1), rs.getLong(2)));
    return counts;
  }

  /** Unroutable, rejected and failed events, and applied ones with rejected parts, newest first. */
  public List<Problem> problems(int max) {
    List<Problem> problems = new ArrayList<>();
    int limit = Math.min(Math.max(max, 1), 500);
    query(
        "SELECT e.id, e.received_at, e.state, e.deliveries, e.attempts, e.reason"
            + " FROM webhook_event e"
            + " WHERE e.state IN ('UNROUTABLE', 'REJECTED', 'FAILED')"
            + " OR EXISTS (SELECT 1 FROM webhook_event_issue i"
            + " WHERE i.event_id = e.id AND i.kind = 'REJECTED')"
            + " ORDER BY e.id DESC LIMIT "
            + limit,
        rs ->
            problems.add(
                new Problem(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getString(6),
                    new ArrayList<>())));
    for (Problem p : problems) {
      query(
          "SELECT kind, path, reason FROM webhook_event_issue WHERE event_id = "
              + p.id()
              + " ORDER BY id",
          rs -> p.issues().add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3)));
    }
    return problems;
  }

  /** Events stored but not yet applied, and the age of the oldest: the apply backlog. */
  public Backlog backlog() {
    Backlog[] result = {new Backlog(0, Duration.ZERO)};
    query(
        "SELECT COUNT(*), MIN(received_at) FROM webhook_event WHERE state = 'RECEIVED'",
        rs -> {
          Timestamp oldest = rs.getTimestamp(2);
          result[0] =
              new Backlog(
                  rs.getLong(1),
                  oldest == null
                      ? Duration.ZERO
                      : Duration.between(oldest.toInstant(), Instant.now()));
        });
    return result[0];
  }

  public record Backlog(long events, Duration oldest) {}

  /** Applies an unroutable or failed event again; false if it is in another state. */
  public boolean requeue(long eventId) {
    try {
      return new EventLog(dataSource, Runnable::run, Duration.ofSeconds(30)).requeue(eventId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not requeue webhook event " + eventId, e);
    }
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the webhook event log", e);
    }
  }
}
