package in.picode.kretanote.csat.boundary;

import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.csat.entity.CsatSurvey;
import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.notification.boundary.AgentNotifications;
import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.outbound.boundary.SendOutcomes;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.sla.boundary.SlaClocks;
import in.picode.kretanote.sla.boundary.SlaPolicies;
import in.picode.kretanote.sla.boundary.SlaRefusedException;
import in.picode.kretanote.sla.boundary.SlaReport;
import in.picode.kretanote.sla.boundary.SlaStatus;
import in.picode.kretanote.sla.boundary.SlaWarnings;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.MovableClock;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Surveys, SLA clocks, mentions and the bell against the Meta simulator, with the sender timer
 * running: what reaches "Meta" is read back from the simulator, customers' answers enter through
 * the inbound pipeline's apply step as the webhook would deliver them, and the outcome is read
 * through the boundaries the pages use.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceQualityIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("csat");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject Conversations conversations;
  @Inject Sending sending;
  @Inject SendOutcomes outcomes;
  @Inject Templates templates;
  @Inject InboundChanges inbound;
  @Inject CsatSettings csatSettings;
  @Inject Surveys surveys;
  @Inject CsatReport csatReport;
  @Inject SlaPolicies slaPolicies;
  @Inject in.picode.kretanote.routing.boundary.Teams teams;
  @Inject in.picode.kretanote.routing.boundary.Assignments assignments;
  @Inject SlaClocks slaClocks;
  @Inject SlaReport slaReport;
  @Inject SlaWarnings slaWarnings;
  @Inject AgentNotifications notifications;
  @Inject RecordedEvents recorded;

  static SimulatorControl sim() {
    return SimulatorControl.fromServerConfig();
  }

  record Line(SimulatedNumbers.Number number, String waId, long conversation) {
    long tenant() {
      return number.tenant();
    }
  }

  @AfterEach
  void realTime() {
    MovableClock.reset();
  }

  // --- CSAT ---

  @Test
  void answersLandOnTheConversationThatAskedAndAReplayCountsOnce() {
    SimulatedNumbers.Number n = numbers.connect("Csat", "A", "+1 555 0700");
    Line first = customer(n, "Is my parcel on its way?", Instant.now());
    Line second = customer(n, "Can I change my address?", Instant.now());
    long agent = user(n.tenant(), "Agent Smith", "smith");
    as(
        n.tenant(),
        () -> csatSettings.save(true, "How did we do? 1 = bad, 5 = great", null, null, 30));
    as(
        n.tenant(),
        () -> {
          conversations.assign(first.conversation(), agent, actor());
          return null;
        });
    close(first);
    close(second);
    CsatSurvey s1 = sentSurvey(first);
    CsatSurvey s2 = sentSurvey(second);
    assertThat(s1.getKind()).isEqualTo(CsatSurvey.Kind.LIST);
    String wamid1 = wamidOf(n.tenant(), s1.getMessageId());
    String wamid2 = wamidOf(n.tenant(), s2.getMessageId());
    JsonObject list = sentRequest(n.pnid(), wamid1).getJsonObject("interactive");
    assertThat(list.getString("type")).isEqualTo("list");
    assertThat(
            list.getJsonObject("action")
                .getJsonArray("sections")
                .getJsonObject(0)
                .getJsonArray("rows"))
        .hasSize(5);

    // Answered in the opposite order, each to its own survey.
    String reply2 = listReply(second, s2.getId(), 2, wamid2);
    String reply1 = listReply(first, s1.getId(), 5, wamid1);
    assertThat(survey(first).getRating()).isEqualTo(5);
    assertThat(survey(first).getAssigneeId()).isEqualTo(agent);
    assertThat(survey(second).getRating()).isEqualTo(2);
    assertThat(conversationStatus(first))
        .as("a rating answers KretaNote's own question: the conversation stays resolved")
        .isEqualTo(Conversation.Status.CLOSED);
    assertThat(conversationStatus(second)).isEqualTo(Conversation.Status.CLOSED);

    // Meta delivers the same reply again, and a second answer to an answered survey comes in.
    replay(first, reply1, s1.getId(), 5, wamid1);
    listReply(first, s1.getId(), 1, wamid1);
    assertThat(survey(first).getRating()).isEqualTo(5);
    assertThat(recorded.ratingsOf(s1.getId())).hasSize(1);
    assertThat(recorded.ratingsOf(s2.getId())).hasSize(1);
    assertThat(reply2).isNotEqualTo(reply1);

    // The customer's next text is the comment.
    text(first, "Quick and friendly, thanks!", Instant.now());
    assertThat(survey(first).getCommentText()).isEqualTo("Quick and friendly, thanks!");
    assertThat(conversationStatus(first))
        .as("any other message of the customer re-opens it")
        .isEqualTo(Conversation.Status.OPEN);

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<CsatReport.Row> rows = as(n.tenant(), () -> csatReport.perAgent(today, today));
    assertThat(rows)
        .extracting(CsatReport.Row::name, CsatReport.Row::ratings, CsatReport.Row::average)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Agent Smith", 1L, 5.0),
            org.assertj.core.groups.Tuple.tuple(null, 1L, 2.0));
    assertThat(as(n.tenant(), () -> csatReport.perTeam(today, today)))
        .as("neither conversation is in a team")
        .extracting(CsatReport.Row::name, CsatReport.Row::ratings, CsatReport.Row::average)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 2L, 3.5));
  }

  @Test
  void aReplyFromAnotherBusinessToThisSurveyIsIgnored() {
    SimulatedNumbers.Number a = numbers.connect("Csat", "Owner", "+1 555 0701");
    SimulatedNumbers.Number b = numbers.connect("Csat", "Other", "+1 555 0702");
    Line line = customer(a, "Hello", Instant.now());
    Line other = customer(b, "Hi there", Instant.now());
    as(a.tenant(), () -> csatSettings.save(true, "Rate us", null, null, 30));
    close(line);
    CsatSurvey s = sentSurvey(line);
    String wamid = wamidOf(a.tenant(), s.getMessageId());
    // B's customer answers with A's survey row and A's message as context.
    listReply(other, s.getId(), 1, wamid);
    assertThat(survey(line).getState()).isEqualTo(CsatSurvey.State.ASKED);
    assertThat(recorded.ratingsOf(s.getId())).isEmpty();
  }

  @Test
  void outsideTheWindowTheChosenTemplateAsks() {
    SimulatedNumbers.Number n = numbers.connect("Csat", "Late", "+1 555 0703");
    approveTemplate(n, "csat_rating");
    Line line = customer(n, "Thanks for yesterday", Instant.now().minus(Duration.ofHours(25)));
    as(n.tenant(), () -> csatSettings.save(true, "Rate us", "csat_rating", "en_US", 30));
    close(line);
    CsatSurvey s = sentSurvey(line);
    assertThat(s.getKind()).isEqualTo(CsatSurvey.Kind.TEMPLATE);
    JsonObject request = sentRequest(n.pnid(), wamidOf(n.tenant(), s.getMessageId()));
    assertThat(request.getString("type")).isEqualTo("template");
    assertThat(request.getJsonObject("template").getString("name")).isEqualTo("csat_rating");
  }

  @Test
  void anOptedOutContactGetsNoSurveyAndTheRefusalIsKept() {
    SimulatedNumbers.Number n = numbers.connect("Csat", "Stop", "+1 555 0704");
    approveTemplate(n, "csat_stop");
    Line line = customer(n, "STOP", Instant.now().minus(Duration.ofHours(26)));
    as(n.tenant(), () -> csatSettings.save(true, "Rate us", "csat_stop", "en_US", 30));
    int before = sim().sent(n.pnid()).size();
    close(line);
    CsatSurvey s = awaitValue(() -> surveysOf(line).stream().findFirst().orElse(null));
    assertThat(s.getState()).isEqualTo(CsatSurvey.State.REFUSED);
    assertThat(s.getRefusalCode()).isEqualTo("CONTACT_OPTED_OUT");
    assertThat(s.getMessageId()).isNull();
    assertThat(sim().sent(n.pnid()).size()).isEqualTo(before);
  }

  @Test
  void surveysAreOffByDefault() {
    SimulatedNumbers.Number n = numbers.connect("Csat", "Off", "+1 555 0705");
    Line line = customer(n, "Hello", Instant.now());
    close(line);
    pause(1500);
    assertThat(surveysOf(line)).isEmpty();
  }

  // --- SLA ---

  @Test
  void aBreachAppearsOnlyAfterTheTargetAndAnAnswerStopsTheClock() {
    SimulatedNumbers.Number n = numbers.connect("Sla", "A", "+1 555 0710");
    long agent = user(n.tenant(), "Sla Agent", "sla");
    as(n.tenant(), () -> slaPolicies.save(10, 5, 120, false));
    Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    MovableClock.set(t0);
    Line waiting = customer(n, "Anyone there?", Instant.now());
    Line answered = customer(n, "Where is my refund?", Instant.now());
    as(
        n.tenant(),
        () -> {
          conversations.assign(waiting.conversation(), agent, actor());
          conversations.assign(answered.conversation(), agent, actor());
          return null;
        });
    SlaStatus fresh = status(waiting);
    assertThat(fresh.what()).isEqualTo("response");
    assertThat(fresh.breached()).isFalse();
    assertThat(fresh.left()).isEqualTo(Duration.ofMinutes(10));

    MovableClock.set(t0.plus(Duration.ofMinutes(4)));
    as(
        n.tenant(),
        () -> sending.sendText(answered.conversation(), "sla-" + UUID.randomUUID(), "On it"));
    assertThat(status(answered).what()).isEqualTo("resolution");

    // The watch warns the assignee before the response is due (15 minutes ahead by default).
    slaWarnings.warnDue();
    assertThat(as(n.tenant(), () -> notifications.latest(agent, 10)))
        .extracting(AgentNotification::getKind, AgentNotification::getConversationId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                AgentNotification.Kind.SLA_WARNING, waiting.conversation()));

    MovableClock.set(t0.plus(Duration.ofMinutes(9)));
    assertThat(status(waiting).breached()).isFalse();
    MovableClock.set(t0.plus(Duration.ofMinutes(11)));
    assertThat(status(waiting).breached()).isTrue();
    assertThat(status(waiting).words()).isEqualTo("breached 1 min ago");
    assertThat(status(answered).breached()).isFalse();

    LocalDate today = LocalDate.ofInstant(t0, ZoneOffset.UTC);
    SlaReport.Row row =
        as(n.tenant(), () -> slaReport.perAgent(today.minusDays(1), today.plusDays(1))).stream()
            .filter(r -> "Sla Agent".equals(r.name()))
            .findFirst()
            .orElseThrow();
    assertThat(row.responses()).isEqualTo(2);
    assertThat(row.responsesBreached()).isEqualTo(1);
    assertThat(row.responseBreachPercent()).isEqualTo(50);
  }

  @Test
  void aTeamsOwnTargetsReplaceTheBusinesssForItsConversations() {
    SimulatedNumbers.Number n = numbers.connect("Sla", "Team", "+1 555 0711");
    long owner = user(n.tenant(), "Sla Owner", "sla-owner");
    updateRole(owner, "OWNER");
    in.picode.kretanote.routing.boundary.Actor manager =
        new in.picode.kretanote.routing.boundary.Actor(owner, "owner@example.com", null);
    long vip = as(n.tenant(), () -> teams.create("VIP", null, List.of(), manager).getId());
    as(n.tenant(), () -> slaPolicies.save(60, 60, 600, false));
    as(n.tenant(), () -> slaPolicies.saveForTeam(vip, 5, 5, 120, false));
    assertThatThrownBy(
            () -> as(n.tenant(), () -> slaPolicies.saveForTeam(vip + 1000, 5, 5, 5, false)))
        .isInstanceOf(SlaRefusedException.class)
        .hasMessage("That team does not exist.");
    assertThatThrownBy(() -> as(n.tenant(), () -> slaPolicies.saveForTeam(vip, 0, 5, 5, false)))
        .isInstanceOf(SlaRefusedException.class);
    assertThat(
            as(n.tenant(), () -> slaPolicies.ofTeam(vip)).orElseThrow().getFirstResponseMinutes())
        .as("nothing half-saved")
        .isEqualTo(5);

    Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    MovableClock.set(t0);
    Line plain = customer(n, "Hello?", Instant.now());
    Line important = customer(n, "Hello, VIP here", Instant.now());
    assertThat(status(important).left()).isEqualTo(Duration.ofMinutes(60));
    as(
        n.tenant(),
        () -> {
          assignments.assignToTeam(n.tenant(), important.conversation(), vip, "VIP customer");
          return null;
        });
    assertThat(status(important).left())
        .as("the team's first-response target, counted from the customer's message")
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(status(plain).left()).isEqualTo(Duration.ofMinutes(60));
    MovableClock.set(t0.plus(Duration.ofMinutes(6)));
    assertThat(status(important).breached()).isTrue();
    assertThat(status(plain).breached()).isFalse();

    // Deleting the team deletes its targets.
    as(n.tenant(), () -> teams.delete(vip, manager));
    assertThat(as(n.tenant(), () -> slaPolicies.ofTeam(vip))).isEmpty();
  }

  static void updateRole(long userId, String role) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("update user_account set role = ? where id = ?")) {
      s.setString(1, role);
      s.setLong(2, userId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- mentions and the bell ---

  @Test
  void aMentionNotifiesAndMailsOnlyTheMentionedColleagueOfThisBusiness() {
    SimulatedNumbers.Number a = numbers.connect("Mention", "A", "+1 555 0720");
    SimulatedNumbers.Number b = numbers.connect("Mention", "B", "+1 555 0721");
    long author = user(a.tenant(), "Writer Person", "writer");
    long ana = user(a.tenant(), "Ana Lopez", "ana");
    long anabel = user(a.tenant(), "Anabel Quiet", "anabel");
    long anaOfB = user(b.tenant(), "Ana Lopez", "ana-b");
    Line line = customer(a, "Complicated question", Instant.now());
    as(
        a.tenant(),
        () ->
            conversations.addNote(
                line.conversation(),
                "@Ana Lopez can you check this? @writer-" + a.tenant() + "@example.com fyi",
                new Conversations.Actor(author, "writer@example.com", "192.0.2.1")));
    assertThat(as(a.tenant(), () -> notifications.unread(ana))).isEqualTo(1);
    assertThat(as(a.tenant(), () -> notifications.unread(anabel))).isZero();
    assertThat(as(a.tenant(), () -> notifications.unread(author))).isZero();
    assertThat(as(b.tenant(), () -> notifications.unread(anaOfB))).isZero();
    AgentNotification n = as(a.tenant(), () -> notifications.latest(ana, 5)).get(0);
    assertThat(n.getKind()).isEqualTo(AgentNotification.Kind.MENTIONED);
    assertThat(n.getTitle()).contains("Writer Person");
    assertThat(recorded.mailsTo(a.tenant()))
        .extracting(m -> m.to())
        .containsExactly("ana-" + a.tenant() + "@example.com");
    assertThat(recorded.mailsTo(b.tenant())).isEmpty();
  }

  @Test
  void theBellCountsUnreadAndMarksRead() {
    SimulatedNumbers.Number n = numbers.connect("Bell", "A", "+1 555 0730");
    long ana = user(n.tenant(), "Bell Ana", "bell-ana");
    long bob = user(n.tenant(), "Bell Bob", "bell-bob");
    Line one = customer(n, "First", Instant.now());
    Line two = customer(n, "Second", Instant.now());
    as(
        n.tenant(),
        () -> {
          conversations.assign(one.conversation(), ana, actor());
          conversations.assign(two.conversation(), ana, actor());
          return null;
        });
    assertThat(as(n.tenant(), () -> notifications.unread(ana))).isEqualTo(2);
    // Bob takes the second conversation himself: nothing to tell him.
    as(
        n.tenant(),
        () -> {
          conversations.assign(
              two.conversation(),
              bob,
              new Conversations.Actor(bob, "bell-bob@example.com", "192.0.2.1"));
          return null;
        });
    assertThat(as(n.tenant(), () -> notifications.unread(bob))).isZero();
    List<AgentNotification> latest = as(n.tenant(), () -> notifications.latest(ana, 10));
    assertThat(latest)
        .extracting(AgentNotification::getKind)
        .containsOnly(AgentNotification.Kind.ASSIGNED);
    long newest = latest.get(0).getId();
    assertThat(as(n.tenant(), () -> notifications.markRead(bob, newest))).isFalse();
    assertThat(as(n.tenant(), () -> notifications.unread(ana))).isEqualTo(2);
    assertThat(as(n.tenant(), () -> notifications.markRead(ana, newest))).isTrue();
    assertThat(as(n.tenant(), () -> notifications.unread(ana))).isEqualTo(1);
    assertThat(as(n.tenant(), () -> notifications.markAllRead(ana))).isEqualTo(1);
    assertThat(as(n.tenant(), () -> notifications.unread(ana))).isZero();
    // Assignment mails are off by default.
    assertThat(recorded.mailsTo(n.tenant())).isEmpty();
  }

  // --- helpers ---

  static Conversations.Actor actor() {
    return new Conversations.Actor(null, "it@example.com", "192.0.2.1");
  }

  Line customer(SimulatedNumbers.Number n, String text, Instant at) {
    String waId = "49152" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    Line line = new Line(n, waId, 0);
    text(line, text, at);
    long conversation =
        longValue(
            "select id from conversation where tenant_id = ? and contact_id ="
                + " (select id from contact where tenant_id = ? and wa_id = ?)",
            n.tenant(),
            n.tenant(),
            waId);
    return new Line(n, waId, conversation);
  }

  Conversation.Status conversationStatus(Line line) {
    return as(
        line.tenant(),
        () -> conversations.find(line.conversation()).orElseThrow().conversation().getStatus());
  }

  void close(Line line) {
    as(
        line.tenant(),
        () -> {
          conversations.close(line.conversation(), actor());
          return null;
        });
  }

  List<CsatSurvey> surveysOf(Line line) {
    return as(line.tenant(), () -> surveys.ofConversation(line.conversation()));
  }

  CsatSurvey survey(Line line) {
    List<CsatSurvey> all = surveysOf(line);
    return all.get(all.size() - 1);
  }

  CsatSurvey sentSurvey(Line line) {
    return awaitValue(
        () ->
            surveysOf(line).stream()
                .filter(s -> s.getMessageId() != null)
                .findFirst()
                .orElse(null));
  }

  String wamidOf(long tenant, long messageId) {
    return awaitValue(
        () -> as(tenant, () -> outcomes.outcome(messageId)).map(o -> o.wamid()).orElse(null));
  }

  SlaStatus status(Line line) {
    return as(line.tenant(), () -> slaClocks.status(line.conversation())).orElseThrow();
  }

  JsonObject sentRequest(String pnid, String wamid) {
    for (JsonValue v : sim().sent(pnid)) {
      JsonObject o = v.asJsonObject();
      if (o.toString().contains(wamid)) {
        return o.getJsonObject("request");
      }
    }
    throw new AssertionError("the simulator got no message " + wamid + ": " + sim().sent(pnid));
  }

  void approveTemplate(SimulatedNumbers.Number n, String name) {
    as(
        n.tenant(),
        () ->
            templates.create(
                n.connectionId(),
                name,
                "en_US",
                Category.UTILITY,
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "BODY")
                            .add("text", "How did we do? Reply with a number from 1 to 5."))
                    .build()));
    sim().templateStatus(n.waba(), name, "en_US", "APPROVED");
    as(n.tenant(), () -> templates.sync(n.connectionId()));
  }

  void text(Line line, String body, Instant at) {
    deliver(
        line,
        "wamid.IN" + UUID.randomUUID().toString().replace("-", ""),
        at,
        "text",
        Json.createObjectBuilder().add("body", body).build(),
        null);
  }

  /**
   * The customer picks row {@code rating} of survey {@code surveyId}; returns the reply's wamid.
   */
  String listReply(Line line, long surveyId, int rating, String contextWamid) {
    String wamid = "wamid.IN" + UUID.randomUUID().toString().replace("-", "");
    replay(line, wamid, surveyId, rating, contextWamid);
    return wamid;
  }

  void replay(Line line, String wamid, long surveyId, int rating, String contextWamid) {
    JsonObject interactive =
        Json.createObjectBuilder()
            .add("type", "list_reply")
            .add(
                "list_reply",
                Json.createObjectBuilder()
                    .add("id", "csat-" + surveyId + "-" + rating)
                    .add("title", Integer.toString(rating))
                    .add("description", "rating"))
            .build();
    deliver(line, wamid, Instant.now(), "interactive", interactive, contextWamid);
  }

  void deliver(
      Line line, String wamid, Instant at, String type, JsonObject content, String context) {
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("from", line.waId())
            .add("id", wamid)
            .add("timestamp", Long.toString(at.getEpochSecond()))
            .add("type", type)
            .add(type, content);
    if (context != null) {
      message.add(
          "context", Json.createObjectBuilder().add("from", "15550001111").add("id", context));
    }
    JsonObject value =
        InboundWebhooks.customerMessage(line.number().pnid(), line.waId(), "Ana", message.build());
    as(
        line.tenant(),
        () -> {
          List<RoutedChange> routed = InboundWebhooks.routed(line.number().connectionId(), value);
          inbound.apply(routed);
          return null;
        });
  }

  static long user(long tenant, String name, String handle) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status) values (?, ?, ?, 'x', 'AGENT', 'ACTIVE')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, tenant);
      s.setString(2, handle + "-" + tenant + "@example.com");
      s.setString(3, name);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long longValue(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row: " + sql);
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T awaitValue(Supplier<T> value) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      pause(100);
    }
    throw new AssertionError("not reached within 30 s");
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
