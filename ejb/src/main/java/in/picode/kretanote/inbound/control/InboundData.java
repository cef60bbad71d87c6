package in.picode.kretanote.inbound.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.LegalHolds;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inbound feature's part in the privacy workflows: the raw webhook events a tenant's numbers
 * received, found through {@code webhook_event_route} (which tenants each applied event was routed
 * to). The event log itself has no tenant column and is purged by age for the whole platform; an
 * account purge and a contact's erasure reach it here:
 *
 * <ul>
 *   <li>account purge: an event routed only to the tenant is deleted with its issue rows; an event
 *       that also concerned another tenant is rewritten without the tenant's changes (its phone
 *       number ids), and the raw JSON of its issues is cleared;
 *   <li>erasure: the tenant's events that name the contact's WhatsApp id are rewritten without the
 *       contact's profile, messages and statuses, or deleted when nothing else is left.
 * </ul>
 *
 * Runs first (order 50): it reads the tenant's phone number ids from {@code whatsapp_connection}
 * before connection's step deletes them. Events applied before the routes were recorded are not
 * found here; they leave with the age purge ({@code kretanote.retention.webhook-event-days}).
 */
@ApplicationScoped
public class InboundData implements TenantData {

  static final String ROUTES = "webhook_event_route";

  private static final List<PurgeStep> STEPS = List.of(new RouteStep());

  @Override
  public int purgeOrder() {
    return 50;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  @Override
  public PurgeBatch erase(Connection c, DataSubject who, int batch) throws SQLException {
    if (who.waId() == null || who.waId().isBlank()) {
      return PurgeBatch.EMPTY;
    }
    Set<String> numbers = numbers(c, who.tenantId());
    String like =
        "%\"" + who.waId().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\"%";
    PurgeBatch erased = PurgeBatch.EMPTY;
    long after = 0;
    while (true) {
      List<Long> ids = new ArrayList<>();
      List<byte[]> bodies = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT e.id, e.body FROM webhook_event_route r JOIN webhook_event e"
                  + " ON e.id = r.event_id WHERE r.tenant_id = ? AND r.event_id > ?"
                  + " AND e.body LIKE ? ORDER BY r.event_id LIMIT ? FOR UPDATE")) {
        s.setLong(1, who.tenantId());
        s.setLong(2, after);
        s.setString(3, like);
        s.setInt(4, batch);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            bodies.add(rs.getBytes(2));
          }
        }
      }
      if (ids.isEmpty()) {
        return erased;
      }
      for (int i = 0; i < ids.size(); i++) {
        long id = ids.get(i);
        after = id;
        erased =
            erased.plus(
                apply(c, id, EventRedaction.withoutContact(bodies.get(i), numbers, who.waId())));
      }
    }
  }

  /** The tenant's phone number ids, connected or not. */
  static Set<String> numbers(Connection c, long tenant) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT phone_number_id FROM whatsapp_connection WHERE tenant_id = ?")) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** Writes the redaction's outcome: the event deleted, rewritten, or left alone. */
  static PurgeBatch apply(Connection c, long eventId, EventRedaction.Result result)
      throws SQLException {
    if (result.unchanged()) {
      return PurgeBatch.EMPTY;
    }
    if (result.empty()) {
      return delete(c, eventId);
    }
    byte[] body = result.body().orElseThrow();
    try (PreparedStatement s =
        c.prepareStatement("UPDATE webhook_event SET body = ?, body_bytes = ? WHERE id = ?")) {
      s.setBytes(1, body);
      s.setInt(2, body.length);
      s.setLong(3, eventId);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("UPDATE webhook_event_issue SET raw_json = NULL WHERE event_id = ?")) {
      s.setLong(1, eventId);
      s.executeUpdate();
    }
    return PurgeBatch.of("webhook_event redacted", 1);
  }

  static PurgeBatch delete(Connection c, long eventId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM webhook_event_issue WHERE event_id = ?")) {
      s.setLong(1, eventId);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM webhook_event WHERE id = ?")) {
      s.setLong(1, eventId);
      return PurgeBatch.of("webhook_event", s.executeUpdate());
    }
  }

  /**
   * The account purge of the routing table: per batch of the tenant's routes, each event is deleted
   * when no other tenant's route names it, or else rewritten without the tenant's numbers; then the
   * routes go. Not subject to retention (the age purge deletes routes with their events).
   */
  static final class RouteStep implements PurgeStep {

    @Override
    public String table() {
      return ROUTES;
    }

    @Override
    public PurgeBatch purgeTenant(Connection c, long tenantId, int limit) throws SQLException {
      List<Long> events = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT event_id FROM webhook_event_route WHERE tenant_id = ?"
                  + " ORDER BY event_id LIMIT ? FOR UPDATE")) {
        s.setLong(1, tenantId);
        s.setInt(2, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            events.add(rs.getLong(1));
          }
        }
      }
      if (events.isEmpty()) {
        return PurgeBatch.EMPTY;
      }
      Set<String> numbers = null;
      PurgeBatch done = PurgeBatch.EMPTY;
      for (long id : events) {
        boolean shared;
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT 1 FROM webhook_event_route WHERE event_id = ? AND tenant_id <> ? LIMIT 1")) {
          s.setLong(1, id);
          s.setLong(2, tenantId);
          try (ResultSet rs = s.executeQuery()) {
            shared = rs.next();
          }
        }
        if (!shared) {
          done = done.plus(delete(c, id));
          continue;
        }
        if (numbers == null) {
          numbers = numbers(c, tenantId);
        }
        byte[] body = null;
        try (PreparedStatement s =
            c.prepareStatement("SELECT body FROM webhook_event WHERE id = ? FOR UPDATE")) {
          s.setLong(1, id);
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              body = rs.getBytes(1);
            }
          }
        }
        if (body != null) {
          done = done.plus(apply(c, id, EventRedaction.withoutNumbers(body, numbers)));
        }
      }
      // Routes of deleted events went with them (ON DELETE CASCADE); the others go now.
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM webhook_event_route WHERE tenant_id = ? AND event_id IN ("
                  + "?,".repeat(events.size() - 1)
                  + "?)")) {
        s.setLong(1, tenantId);
        for (int i = 0; i < events.size(); i++) {
          s.setLong(i + 2, events.get(i));
        }
        s.executeUpdate();
      }
      return done.plus(PurgeBatch.of(ROUTES, events.size()));
    }

    @Override
    public PurgeBatch purgeOlder(
        Connection c, long tenantId, Instant cutoff, LegalHolds holds, int limit) {
      return PurgeBatch.EMPTY;
    }
  }
}
