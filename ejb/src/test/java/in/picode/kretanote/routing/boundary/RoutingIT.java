package in.picode.kretanote.routing.boundary;

import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.messaging.boundary.MediaFiles;
import in.picode.kretanote.platform.control.Visibility;
import in.picode.kretanote.routing.entity.AssignmentMode;
import in.picode.kretanote.routing.entity.AssignmentRecord;
import in.picode.kretanote.routing.entity.Availability;
import in.picode.kretanote.routing.entity.Team;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Teams, availability and automatic assignment inside the server, with customers' first messages
 * entering through the inbound apply step as webhooks deliver them, each in its own transaction (as
 * two servers would apply them). What a user would see is read through the boundaries and, for
 * "assigned exactly once", from the database.
 */
@ExtendWith(ArquillianExtension.class)
class RoutingIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("routing");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject InboundChanges inbound;
  @Inject Teams teams;
  @Inject Assignments assignments;
  @Inject AutoAssignment auto;
  @Inject Presence presence;
  @Inject RoutingSettings settings;
  @Inject Conversations conversations;
  @Inject Inbox inbox;
  @Inject MediaFiles media;

  static final AtomicLong WA = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  record Biz(long tenant, long connectionId, String pnid, long manager, Actor actor) {}

  Biz business(String label) throws Exception {
    SimulatedNumbers.Number n = numbers.connect("Routing", label, "+1 555 0400");
    long manager = user(n.tenant(), "Manager " + label, "ADMIN");
    return new Biz(
        n.tenant(),
        n.connectionId(),
        n.pnid(),
        manager,
        new Actor(manager, "m-" + n.tenant() + "@example.test", "127.0.0.1"));
  }

  // --- the tests ---

  @Test
  void roundRobinSharesConcurrentNewConversationsEvenlyAndAssignsEachOnce() throws Exception {
    Biz b = business("RR");
    List<Long> agents = List.of(user(b, "Ana"), user(b, "Ben"), user(b, "Chloe"));
    as(
        b.tenant,
        () -> {
          settings.setNoTeamRouting(AssignmentMode.ROUND_ROBIN, 10, b.actor);
          agents.forEach(a -> presence.set(a, Availability.ONLINE));
          return null;
        });
    int conversationsCount = 30;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < conversationsCount; i++) {
      writes.add(pool.submit(() -> customerWrites(b, newWaId(), "Hello")));
    }
    for (Future<?> f : writes) {
      f.get();
    }
    pool.shutdown();

    Map<Long, Long> perAgent = awaitAssigned(b.tenant, conversationsCount);
    assertThat(perAgent.keySet()).containsExactlyInAnyOrderElementsOf(agents);
    long max = perAgent.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long min = perAgent.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertThat(max - min).as("counts %s", perAgent).isLessThanOrEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM (SELECT conversation_id FROM assignment_history"
                    + " WHERE tenant_id = ? GROUP BY conversation_id HAVING COUNT(*) <> 1) x",
                b.tenant))
        .as("no conversation assigned twice")
        .isZero();
    long anyConversation = count("SELECT MIN(id) FROM conversation WHERE tenant_id = ?", b.tenant);
    List<AssignmentRecord> history = as(b.tenant, () -> assignments.history(anyConversation));
    assertThat(history).hasSize(1);
    assertThat(history.get(0).getReason()).isEqualTo("round robin among all agents (no team)");
  }

  @Test
  void leastLoadedRespectsCapacityWaitsWhenFullAndRefusesOutOfRangeCapacity() throws Exception {
    Biz b = business("LL");
    long ana = user(b, "Ana");
    long ben = user(b, "Ben");
    Team support =
        as(b.tenant, () -> teams.create("Support", "first line", List.of(ana, ben), b.actor));
    as(
        b.tenant,
        () -> {
          teams.route(support.getId(), AssignmentMode.LEAST_LOADED, 2, b.actor);
          presence.set(ana, Availability.ONLINE);
          presence.set(ben, Availability.ONLINE);
          return null;
        });
    assertThatThrownBy(
            () ->
                as(
                    b.tenant,
                    () -> {
                      teams.route(support.getId(), AssignmentMode.LEAST_LOADED, 0, b.actor);
                      return null;
                    }))
        .hasMessageContaining("a number from 1 to 1000");
    assertThatThrownBy(
            () ->
                as(
                    b.tenant,
                    () -> {
                      teams.route(support.getId(), AssignmentMode.LEAST_LOADED, 10_000, b.actor);
                      return null;
                    }))
        .hasMessageContaining("a number from 1 to 1000");
    assertThat(as(b.tenant, () -> teams.find(support.getId()).orElseThrow().getCapacity()))
        .isEqualTo(2);

    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      customerWrites(b, newWaId(), "Hi");
    }
    ids.addAll(conversationIds(b.tenant));
    for (long id : ids) {
      as(
          b.tenant,
          () -> {
            assignments.assignToTeam(b.tenant, id, support.getId(), "rule: support words");
            return null;
          });
    }
    Map<Long, Long> perAgent = awaitAssigned(b.tenant, 4);
    assertThat(perAgent).containsEntry(ana, 2L).containsEntry(ben, 2L);
    assertThat(as(b.tenant, () -> auto.waiting())).as("the fifth waits: both full").isEqualTo(1);

    long chloe = user(b, "Chloe");
    as(
        b.tenant,
        () -> {
          teams.setMembers(support.getId(), List.of(ana, ben, chloe), b.actor);
          presence.set(chloe, Availability.ONLINE);
          return null;
        });
    perAgent = awaitAssigned(b.tenant, 5);
    assertThat(perAgent).containsEntry(chloe, 1L);
    long last = ids.get(ids.size() - 1);
    long waited =
        count(
            "SELECT id FROM conversation WHERE tenant_id = ? AND assignee_id = ?", b.tenant, chloe);
    List<AssignmentRecord> history = as(b.tenant, () -> assignments.history(waited));
    assertThat(history.get(0).getReason()).startsWith("moved to team Support: rule: support words");
    assertThat(history.get(history.size() - 1).getReason())
        .startsWith("least loaded in team Support (1 of 2 open)");
    assertThat(last).isPositive();
  }

  @Test
  void waitingConversationsAreAssignedOldestFirstWhenAnAgentComesOnline() throws Exception {
    Biz b = business("Wait");
    long ana = user(b, "Ana");
    as(
        b.tenant,
        () -> {
          settings.setNoTeamRouting(AssignmentMode.ROUND_ROBIN, 10, b.actor);
          return null;
        });
    for (int i = 0; i < 3; i++) {
      customerWrites(b, newWaId(), "Anyone there?");
    }
    assertThat(as(b.tenant, () -> auto.waiting())).isEqualTo(3);
    assertThat(
            count(
                "SELECT COUNT(*) FROM conversation WHERE tenant_id = ? AND assignee_id"
                    + " IS NOT NULL",
                b.tenant))
        .isZero();

    as(
        b.tenant,
        () -> {
          presence.set(ana, Availability.ONLINE);
          return null;
        });
    assertThat(awaitAssigned(b.tenant, 3)).containsEntry(ana, 3L);
    assertThat(as(b.tenant, () -> auto.waiting())).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM assignment_history h1 JOIN assignment_history h2"
                    + " ON h2.tenant_id = h1.tenant_id AND h2.conversation_id > h1.conversation_id"
                    + " AND h2.id < h1.id WHERE h1.tenant_id = ?",
                b.tenant))
        .as("oldest first")
        .isZero();

    as(
        b.tenant,
        () -> {
          presence.signedOut(ana);
          return null;
        });
    assertThat(as(b.tenant, () -> presence.availability(ana))).isEqualTo(Availability.OFFLINE);
  }

  @Test
  void aRestrictedAgentSeesOnlyTheirTeamsConversations() throws Exception {
    Biz b = business("Restrict");
    long ana = user(b, "Ana");
    long ben = user(b, "Ben");
    Team sales = as(b.tenant, () -> teams.create("Sales", null, List.of(ana), b.actor));
    Team support = as(b.tenant, () -> teams.create("Support", null, List.of(ben), b.actor));
    customerWrites(b, newWaId(), "Price?");
    String supportCustomer = newWaId();
    customerWrites(b, supportCustomer, "Broken!");
    List<Long> ids = conversationIds(b.tenant);
    long salesConversation = ids.get(0);
    long supportConversation = ids.get(1);
    customerSendsPhoto(b, supportCustomer);
    long photo =
        count(
            "SELECT id FROM message WHERE tenant_id = ? AND conversation_id = ? AND type = 'image'",
            b.tenant,
            supportConversation);
    long photoMedia = as(b.tenant, () -> media.ofMessage(photo)).orElseThrow().id();
    as(
        b.tenant,
        () -> {
          assignments.assignToTeam(b.tenant, salesConversation, sales.getId(), "rule");
          assignments.assignToTeam(b.tenant, supportConversation, support.getId(), "rule");
          return null;
        });

    Visibility.Scope unrestricted =
        as(b.tenant, () -> settings.visibility(ana, false)).orElse(null);
    assertThat(unrestricted).as("the business has not restricted agents yet").isNull();
    as(
        b.tenant,
        () -> {
          settings.setRestrictAgents(true, b.actor);
          return null;
        });
    Visibility.Scope anas = as(b.tenant, () -> settings.visibility(ana, false)).orElseThrow();
    assertThat(as(b.tenant, () -> settings.visibility(b.manager, true))).isEmpty();

    Visibility.bind(anas);
    try {
      List<InboxRow> rows =
          as(
              b.tenant,
              () -> inbox.page(ana, Inbox.Owner.ALL, Inbox.State.ANY, null, null, null, 50));
      assertThat(rows).extracting(InboxRow::id).containsExactly(salesConversation);
      List<InboxRow> asked =
          as(
              b.tenant,
              () ->
                  inbox.page(
                      ana,
                      Inbox.Owner.ALL,
                      Inbox.State.ANY,
                      null,
                      null,
                      List.of(support.getId()),
                      null,
                      null,
                      50));
      assertThat(asked).as("asking for the other team's list shows nothing").isEmpty();
      assertThat(as(b.tenant, () -> conversations.find(supportConversation))).isEmpty();
      assertThatThrownBy(
              () -> as(b.tenant, () -> conversations.messages(supportConversation, null, 10)))
          .isInstanceOf(ConversationNotFoundException.class);
      assertThatThrownBy(() -> as(b.tenant, () -> assignments.history(supportConversation)))
          .isInstanceOf(ConversationNotFoundException.class);
      assertThat(as(b.tenant, () -> conversations.find(salesConversation))).isPresent();
      assertThatThrownBy(() -> as(b.tenant, () -> conversations.labels(supportConversation)))
          .isInstanceOf(ConversationNotFoundException.class);
      assertThat(as(b.tenant, () -> media.ofMessage(photo))).as("media by message id").isEmpty();
      assertThat(as(b.tenant, () -> media.find(photoMedia))).isEmpty();
      assertThat(as(b.tenant, () -> media.open(photoMedia))).isEmpty();
      assertThat(as(b.tenant, () -> inbox.changedSince(Instant.EPOCH)))
          .as("the poll counts only her team's conversations")
          .isEqualTo(1);
    } finally {
      Visibility.clear();
    }
    List<InboxRow> all =
        as(
            b.tenant,
            () ->
                inbox.page(
                    b.manager,
                    Inbox.Owner.ALL,
                    Inbox.State.ANY,
                    null,
                    null,
                    List.of(support.getId()),
                    null,
                    null,
                    50));
    assertThat(all).extracting(InboxRow::id).containsExactly(supportConversation);
    assertThat(as(b.tenant, () -> inbox.changedSince(Instant.EPOCH))).isEqualTo(2);
    assertThat(as(b.tenant, () -> media.find(photoMedia))).isPresent();
  }

  @Test
  void badInputAndOtherBusinessesIdsAreRefusedAndNothingIsHalfSaved() throws Exception {
    Biz a = business("BadA");
    Biz other = business("BadB");
    long ana = user(a, "Ana");
    long stranger = user(other, "Stranger");
    Team sales = as(a.tenant, () -> teams.create("Sales", null, List.of(ana), a.actor));
    Team theirs = as(other.tenant, () -> teams.create("Theirs", null, List.of(), other.actor));

    assertThatThrownBy(() -> as(a.tenant, () -> teams.create(" SALES ", null, List.of(), a.actor)))
        .hasMessage("There is already a team called \"SALES\".");
    assertThatThrownBy(() -> as(a.tenant, () -> teams.create("  ", null, List.of(), a.actor)))
        .hasMessage("Give the team a name.");
    assertThatThrownBy(
            () -> as(a.tenant, () -> teams.create("Mixed", null, List.of(ana, stranger), a.actor)))
        .hasMessage(RoutingWords.NOT_A_MEMBER.with().english());
    assertThat(as(a.tenant, () -> teams.all()))
        .extracting(v -> v.team().getName())
        .containsExactly("Sales");
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () -> {
                      teams.setMembers(sales.getId(), List.of(ana, stranger), a.actor);
                      return null;
                    }))
        .hasMessage(RoutingWords.NOT_A_MEMBER.with().english());
    assertThat(as(a.tenant, () -> teams.all().get(0).memberIds())).containsExactly(ana);
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () -> {
                      teams.setMembers(theirs.getId(), List.of(ana), a.actor);
                      return null;
                    }))
        .hasMessage(RoutingWords.NO_TEAM.with().english());

    customerWrites(a, newWaId(), "Hi");
    long mine = conversationIds(a.tenant).get(0);
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () -> {
                      assignments.assignToTeam(a.tenant, mine, theirs.getId(), "rule");
                      return null;
                    }))
        .hasMessage(RoutingWords.NO_TEAM.with().english());
    assertThatThrownBy(
            () ->
                as(
                    other.tenant,
                    () -> {
                      assignments.assignToTeam(other.tenant, mine, theirs.getId(), "rule");
                      return null;
                    }))
        .hasMessage("This conversation does not exist.");
    assertThatThrownBy(
            () ->
                as(
                    other.tenant,
                    () -> {
                      assignments.assignToTeam(a.tenant, mine, sales.getId(), "rule");
                      return null;
                    }))
        .hasMessage("This conversation does not exist.");

    as(
        a.tenant,
        () -> {
          assignments.assignToTeam(a.tenant, mine, sales.getId(), "rule");
          conversations.assign(mine, ana, new Conversations.Actor(a.manager, "m", "127.0.0.1"));
          return null;
        });
    assertThat(as(a.tenant, () -> assignments.history(mine)))
        .extracting(AssignmentRecord::getReason)
        .containsExactly("moved to team Sales: rule", "assigned by Manager BadA");
    int moved = as(a.tenant, () -> teams.delete(sales.getId(), a.actor));
    assertThat(moved).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM conversation WHERE id = ? AND team_id IS NULL"
                    + " AND assignee_id = ?",
                mine,
                ana))
        .as("team off, assignee kept")
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () -> {
                      teams.route(sales.getId(), AssignmentMode.ROUND_ROBIN, 5, a.actor);
                      return null;
                    }))
        .hasMessage(RoutingWords.NO_TEAM.with().english());
  }

  // --- helpers ---

  Map<Long, Long> awaitAssigned(long tenant, int expected) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    Map<Long, Long> per = Map.of();
    while (Instant.now().isBefore(deadline)) {
      per = perAssignee(tenant);
      if (per.values().stream().mapToLong(Long::longValue).sum() >= expected) {
        return per;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not " + expected + " assigned within 60 s: " + per);
  }

  static Map<Long, Long> perAssignee(long tenant) throws Exception {
    Map<Long, Long> per = new HashMap<>();
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT assignee_id, COUNT(*) FROM conversation WHERE tenant_id = ?"
                    + " AND assignee_id IS NOT NULL GROUP BY assignee_id")) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          per.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return per;
  }

  static List<Long> conversationIds(long tenant) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT id FROM conversation WHERE tenant_id = ? ORDER BY id")) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  static long count(String sql, Object... args) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  long user(Biz b, String name) throws Exception {
    return user(b.tenant, name, "AGENT");
  }

  static long user(long tenant, String name, String role) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status, email_verified_at) VALUES (?, ?, ?, 'x', ?, 'ACTIVE', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, tenant);
      s.setString(2, UUID.randomUUID() + "@example.test");
      s.setString(3, name);
      s.setString(4, role);
      s.setTimestamp(5, Timestamp.from(Instant.now()));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static String newWaId() {
    return "49152" + String.format("%07d", WA.incrementAndGet() % 10_000_000);
  }

  /** A customer's photo as the webhook delivers it (its download is queued). */
  void customerSendsPhoto(Biz b, String waId) {
    JsonObject message =
        Json.createObjectBuilder()
            .add("from", waId)
            .add("id", "wamid.RT" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
            .add("type", "image")
            .add(
                "image",
                Json.createObjectBuilder()
                    .add("id", "media-" + UUID.randomUUID())
                    .add("mime_type", "image/jpeg"))
            .build();
    JsonObject value = InboundWebhooks.customerMessage(b.pnid, waId, "Customer", message);
    as(
        b.tenant,
        () -> {
          inbound.apply(InboundWebhooks.routed(b.connectionId, value));
          return null;
        });
  }

  /** A customer's message as the webhook delivers it, applied in a transaction of its own. */
  void customerWrites(Biz b, String waId, String text) {
    JsonObject message =
        Json.createObjectBuilder()
            .add("from", waId)
            .add("id", "wamid.RT" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", text))
            .build();
    JsonObject value = InboundWebhooks.customerMessage(b.pnid, waId, "Customer", message);
    as(
        b.tenant,
        () -> {
          List<RoutedChange> routed = InboundWebhooks.routed(b.connectionId, value);
          inbound.apply(routed);
          return null;
        });
  }
}
