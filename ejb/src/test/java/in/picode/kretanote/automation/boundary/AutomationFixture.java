package in.picode.kretanote.automation.boundary;

import static in.picode.kretanote.testing.SimulatedNumbers.as;

import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * The automation tests' fixture: a business with a connected number at the Meta simulator and an
 * active agent, customers who write through the inbound pipeline's apply step (as the webhook would
 * deliver them), and what "Meta" received.
 */
@Dependent
public class AutomationFixture {

  @Inject SimulatedNumbers numbers;
  @Inject InboundChanges inbound;

  /** A business, its number and one active agent. */
  public record Business(long tenant, long connectionId, String pnid, long agent) {}

  public Business business(String label) {
    SimulatedNumbers.Number n = numbers.connect("Automation", label, "+1 555 0400");
    long agent =
        insert(
            "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role,"
                + " status) VALUES (?, ?, 'Agent Ana', 'x', 'AGENT', 'ACTIVE')",
            n.tenant(),
            "agent-" + UUID.randomUUID() + "@example.test");
    return new Business(n.tenant(), n.connectionId(), n.pnid(), agent);
  }

  public static String newWaId() {
    return "49152" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
  }

  /** The customer writes {@code text} at {@code at}; returns the conversation's id. */
  public long customerWrites(Business b, String waId, String text, Instant at) {
    JsonObject message =
        Json.createObjectBuilder()
            .add("from", waId)
            .add("id", "wamid.IN" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(at.getEpochSecond()))
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", text))
            .build();
    JsonObject value = InboundWebhooks.customerMessage(b.pnid(), waId, "Ana", message);
    as(
        b.tenant(),
        () -> {
          List<RoutedChange> routed = InboundWebhooks.routed(b.connectionId(), value);
          inbound.apply(routed);
          return null;
        });
    return number(
        "SELECT v.id FROM conversation v JOIN contact c ON c.id = v.contact_id"
            + " WHERE v.tenant_id = ? AND c.wa_id = ?",
        b.tenant(),
        waId);
  }

  /** The texts "Meta" received for a number, to one customer ({@code to} null: to anyone). */
  public static List<String> sentTexts(Business b, String to) {
    List<String> texts = new ArrayList<>();
    for (JsonValue v : SimulatorControl.fromServerConfig().sent(b.pnid())) {
      JsonObject request = v.asJsonObject().getJsonObject("request");
      if ((to == null || to.equals(request.getString("to", null))) && request.containsKey("text")) {
        texts.add(request.getJsonObject("text").getString("body"));
      }
    }
    return texts;
  }

  /** A rule's runs, oldest first: "OUTCOME detail". */
  public static List<String> runs(Business b, long rule) {
    return strings(
        "SELECT concat(outcome, ' ', detail) FROM automation_run WHERE tenant_id = ?"
            + " AND rule_id = ? ORDER BY id",
        b.tenant(),
        rule);
  }

  /** Every queued automation event of the business is handled. */
  public static void awaitQuiet(Business b) {
    await(
        () ->
            number(
                    "SELECT COUNT(*) FROM automation_event WHERE tenant_id = ? AND done_at IS NULL",
                    b.tenant())
                == 0,
        "automation events handled");
  }

  public static void await(BooleanSupplier done, String what) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (done.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not reached within 30 s: " + what);
  }

  public static long number(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> strings(String sql, Object... params) {
    List<String> out = new ArrayList<>();
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static long insert(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
      try (ResultSet rs = s.getGeneratedKeys()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
