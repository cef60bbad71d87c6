package in.picode.kretanote.outbound.boundary;

import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults of the pipelined sender against the Meta simulator: a number whose calls hang, a number
 * Meta throttles, and a sender that stops mid-queue. The counts are asserted (what reached Meta,
 * how often, in which state a message ends), never the speeds.
 */
@ExtendWith(ArquillianExtension.class)
class SendFaultsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("sendfaults");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject Sending sending;
  @Inject InboundChanges inbound;
  @Inject OutboxSender sender;

  SimulatorControl sim;

  /** A connected number with customers who wrote just now, one conversation each. */
  record Line(SimulatedNumbers.Number n, List<Long> conversations) {}

  @BeforeEach
  void setUp() {
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
  }

  Line line(String label, int customers) {
    SimulatedNumbers.Number n = numbers.connect("Faults", label, "+1 555 0400");
    List<Long> conversations = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      String waId = "49152" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
      customerWrites(n, waId);
      conversations.add(
          Long.parseLong(
              string(
                  "select c.id from conversation c join contact k on k.tenant_id = c.tenant_id"
                      + " and k.id = c.contact_id where c.tenant_id = ? and c.connection_id = ?"
                      + " and k.wa_id = ?",
                  n.tenant(),
                  n.connectionId(),
                  waId)));
    }
    return new Line(n, conversations);
  }

  /** Queues {@code perCustomer} texts to each customer of the line; returns the message ids. */
  List<Long> queue(Line line, String prefix, int perCustomer) {
    List<Long> ids = new ArrayList<>();
    for (int k = 0; k < perCustomer; k++) {
      for (int c = 0; c < line.conversations().size(); c++) {
        long conversation = line.conversations().get(c);
        String body = prefix + " " + c + "." + k;
        ids.add(
            as(
                    line.n().tenant(),
                    () -> sending.sendText(conversation, "it-" + UUID.randomUUID(), body))
                .messageId());
      }
    }
    return ids;
  }

  @Test
  void aNumberWhoseCallsHangDoesNotHoldAnotherNumber() {
    Line slow = line("Slow", 3);
    Line fast = line("Fast", 20);
    sim.fault(
        Json.createObjectBuilder()
            .add("kind", "delay")
            .add("millis", 4500)
            .add("times", -1)
            .add("method", "POST")
            .add("path", slow.n().pnid() + "/messages$")
            .build());
    // The fast number's rows wait (held) until the slow number's calls hang at Meta.
    setPause(fast, Instant.now().plusSeconds(3600));
    List<Long> fastIds = queue(fast, "goes", 1);
    List<Long> slowIds = queue(slow, "hangs", 3);
    awaitTrue(() -> sending(slow) > 0, "the slow number's calls are under way");
    setPause(fast, null);
    awaitTrue(() -> sentRows(fast) == fastIds.size(), "the fast number sent all of its rows");
    assertThat(sentRows(slow) + state(slow, "UNKNOWN"))
        .as("the slow number is not through (its calls hang, then it is held) when the other is")
        .isLessThan(slowIds.size());
    assertThat(bodies(fast.n().pnid())).hasSize(20).doesNotHaveDuplicates();

    sim.clearFaults();
    awaitTrue(
        () -> sentRows(slow) + state(slow, "UNKNOWN") == slowIds.size(), "the slow rows ended");
    assertThat(state(slow, "UNKNOWN"))
        .as("a call without an answer is UNKNOWN, never resent")
        .isPositive();
    assertThat(messageCalls(slow.n().pnid()))
        .as("every slow row was called once")
        .isEqualTo(slowIds.size());
    assertThat(bodies(slow.n().pnid())).doesNotHaveDuplicates();
  }

  @Test
  void throttlingOneNumberPausesOnlyThatNumber() {
    Line throttled = line("Throttled", 4);
    Line other = line("Other", 4);
    sim.fault(
        Json.createObjectBuilder()
            .add("kind", "meta_error")
            .add("code", 130429)
            .add("times", 3)
            .add("method", "POST")
            .add("path", throttled.n().pnid() + "/messages$")
            .build());
    List<Long> a = queue(throttled, "held", 3);
    List<Long> b = queue(other, "free", 3);
    awaitTrue(
        () -> sentRows(throttled) == a.size() && sentRows(other) == b.size(), "all rows sent");

    assertThat(Long.parseLong(pace(throttled, "throttled")))
        .as("the throttled number paused")
        .isPositive();
    assertThat(pace(other, "throttled")).as("the other number never paused").isEqualTo("0");
    assertThat(pace(other, "paused_until")).isNull();
    assertThat(bodies(throttled.n().pnid())).hasSize(a.size()).doesNotHaveDuplicates();
    assertThat(bodies(other.n().pnid())).hasSize(b.size()).doesNotHaveDuplicates();
    assertThat(messageCalls(throttled.n().pnid()))
        .as("each message accepted once, plus the three refused calls")
        .isEqualTo(a.size() + 3);
    assertThat(messageCalls(other.n().pnid())).isEqualTo(b.size());
  }

  @Test
  void aSenderThatStopsMidQueueLeavesNothingSentTwice() throws Exception {
    Line line = line("Killed", 6);
    // Hold the number while the "dead" server's state is laid out.
    setPause(line, Instant.now().plusSeconds(3600));
    List<Long> ids = queue(line, "row", 5);
    List<Long> outbox = new ArrayList<>();
    for (List<String> r :
        rows(
            "select id from outbox where tenant_id = ? and connection_id = ? order by id",
            line.n().tenant(),
            line.n().connectionId())) {
      outbox.add(Long.parseLong(r.get(0)));
    }
    assertThat(outbox).hasSize(ids.size());
    Timestamp past = Timestamp.from(Instant.now().minusSeconds(5));
    Timestamp soon = Timestamp.from(Instant.now().plusSeconds(2));
    // The first customer's first message was in Meta's hands when the server died.
    update(
        "update outbox set state = 'SENDING', lease_owner = 'dead', lease_until = ?,"
            + " last_attempt_at = ? where id = ?",
        past,
        past,
        outbox.get(0));
    // Ten rows claimed by the dead server, lease still running for two seconds.
    for (long id : outbox.subList(1, 11)) {
      update("update outbox set lease_owner = 'dead', lease_until = ? where id = ?", soon, id);
    }
    setPause(line, null);

    ExecutorService two = Executors.newFixedThreadPool(2);
    List<Future<Integer>> drains = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      drains.add(two.submit(() -> sender.drainOnce()));
    }
    for (Future<Integer> f : drains) {
      f.get();
    }
    two.shutdown();
    awaitTrue(() -> sentRows(line) == ids.size() - 1, "every other row sent");

    assertThat(string("select state from outbox where id = ?", outbox.get(0)))
        .as("the row that was mid-call is UNKNOWN, not resent")
        .isEqualTo(OutboxEntry.State.UNKNOWN.name());
    List<String> bodies = bodies(line.n().pnid());
    assertThat(bodies).hasSize(ids.size() - 1).doesNotHaveDuplicates();
    assertThat(bodies).doesNotContain("row 0.0");
    assertThat(messageCalls(line.n().pnid())).isEqualTo(ids.size() - 1);
  }

  // --- helpers ---

  long sending(Line l) {
    return longValue(
        "select count(*) from outbox where tenant_id = ? and connection_id = ? and state = 'SENDING'",
        l.n().tenant(),
        l.n().connectionId());
  }

  long state(Line l, String state) {
    return longValue(
        "select count(*) from outbox where tenant_id = ? and connection_id = ? and state = ?",
        l.n().tenant(),
        l.n().connectionId(),
        state);
  }

  long sentRows(Line l) {
    return longValue(
        "select count(*) from outbox where tenant_id = ? and connection_id = ? and state = 'SENT'",
        l.n().tenant(),
        l.n().connectionId());
  }

  String pace(Line l, String column) {
    return string(
        "select " + column + " from send_pace where tenant_id = ? and connection_id = ?",
        l.n().tenant(),
        l.n().connectionId());
  }

  void setPause(Line l, Instant until) {
    update(
        "insert into send_pace (tenant_id, connection_id, next_slot_at, paused_until)"
            + " values (?, ?, ?, ?) on duplicate key update paused_until = values(paused_until)",
        l.n().tenant(),
        l.n().connectionId(),
        Timestamp.from(Instant.now()),
        until == null ? null : Timestamp.from(until));
  }

  List<String> bodies(String pnid) {
    List<String> bodies = new ArrayList<>();
    for (JsonValue v : sim.sent(pnid)) {
      JsonObject request = v.asJsonObject().getJsonObject("request");
      if (request.containsKey("text")) {
        bodies.add(request.getJsonObject("text").getString("body"));
      }
    }
    return bodies;
  }

  long messageCalls(String pnid) {
    return sim.calls().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("method").equals("POST"))
        .filter(c -> c.getString("path").endsWith(pnid + "/messages"))
        .count();
  }

  static void awaitTrue(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(40);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("not within 40 s: " + what);
  }

  void customerWrites(SimulatedNumbers.Number n, String waId) {
    JsonObject message =
        Json.createObjectBuilder()
            .add("from", waId)
            .add("id", "wamid.IN" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", "Hello"))
            .build();
    JsonObject value = InboundWebhooks.customerMessage(n.pnid(), waId, "Ana", message);
    as(
        n.tenant(),
        () -> {
          inbound.apply(InboundWebhooks.routed(n.connectionId(), value));
          return null;
        });
  }

  static long longValue(String sql, Object... params) {
    String v = string(sql, params);
    return v == null ? -1 : Long.parseLong(v);
  }

  static String string(String sql, Object... params) {
    List<List<String>> rows = rows(sql, params);
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  static void update(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static List<List<String>> rows(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
