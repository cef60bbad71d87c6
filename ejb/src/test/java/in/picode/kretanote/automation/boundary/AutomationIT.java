package in.picode.kretanote.automation.boundary;

import static in.picode.kretanote.automation.boundary.AutomationFixture.await;
import static in.picode.kretanote.automation.boundary.AutomationFixture.awaitQuiet;
import static in.picode.kretanote.automation.boundary.AutomationFixture.number;
import static in.picode.kretanote.automation.boundary.AutomationFixture.runs;
import static in.picode.kretanote.automation.boundary.AutomationFixture.sentTexts;
import static in.picode.kretanote.automation.boundary.AutomationFixture.strings;
import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.automation.boundary.AutomationFixture.Business;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Labels;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.routing.boundary.Actor;
import in.picode.kretanote.routing.boundary.Presence;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.AssignmentMode;
import in.picode.kretanote.routing.entity.Availability;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.MovableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Automation rules, dry runs and macros against the Meta simulator, with the automation timer
 * running: customers write through the inbound pipeline, "Meta" tells what was sent, the run log
 * and the conversations what rules did.
 */
@ExtendWith(ArquillianExtension.class)
class AutomationIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("automation-rules");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject AutomationFixture fixture;
  @Inject AutomationRules rules;
  @Inject DryRuns dryRuns;
  @Inject Macros macros;
  @Inject AutomationTimer timer;
  @Inject Conversations conversations;
  @Inject Labels labels;
  @Inject CannedResponses canned;
  @Inject Teams teams;
  @Inject Presence presence;
  @Inject LoopGuard loopGuard;

  Conversations.Actor actor(Business b) {
    return new Conversations.Actor(b.agent(), "agent@example.test", null);
  }

  long rule(Business b, String name, Trigger event, Integer wait, String json) {
    return as(b.tenant(), () -> rules.save(null, name, event, wait, json, b.agent()).getId());
  }

  void label(Business b, String name) {
    as(b.tenant(), () -> labels.create(name, actor(b)));
  }

  long cannedReply(Business b, String shortcut, String body) {
    return as(b.tenant(), () -> canned.create(shortcut, body, actor(b)).getId());
  }

  Conversation conversation(Business b, long id) {
    return as(b.tenant(), () -> conversations.find(id).orElseThrow().conversation());
  }

  @Test
  void aKeywordRuleLabelsAndAssigns() {
    Business b = fixture.business("keywords");
    label(b, "Refund");
    long r =
        rule(
            b,
            "Refunds to Ana",
            Trigger.CUSTOMER_MESSAGE,
            null,
            "{\"conditions\":[{\"type\":\"text_contains\",\"keywords\":\"refund, money back\"}],"
                + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Refund\"},"
                + "{\"type\":\"assign\",\"userId\":"
                + b.agent()
                + "}]}");
    long wants =
        fixture.customerWrites(
            b, AutomationFixture.newWaId(), "I want my MONEY BACK", Instant.now());
    long chats = fixture.customerWrites(b, AutomationFixture.newWaId(), "Nice shop", Instant.now());
    awaitQuiet(b);
    assertThat(as(b.tenant(), () -> conversations.labels(wants))).containsExactly("Refund");
    assertThat(conversation(b, wants).getAssigneeId()).isEqualTo(b.agent());
    assertThat(as(b.tenant(), () -> conversations.labels(chats))).isEmpty();
    assertThat(conversation(b, chats).getAssigneeId()).isNull();
    assertThat(runs(b, r))
        .containsExactlyInAnyOrder(
            "DONE add label 'Refund'; assign to agent #" + b.agent(),
            "NOTHING condition not met: text contains [refund, money back]");
    assertThat(as(b.tenant(), () -> rules.runs(r, 10)))
        .as("each run's detail kept as a code for the reader's language too")
        .hasSize(2)
        .allSatisfy(
            run -> {
              assertThat(run.getDetailWording().code()).isNotNull();
              assertThat(run.getDetailWording().english()).isEqualTo(run.getDetail());
            });
  }

  @Test
  void aRuleNeverSendsToAnOptedOutContactNorOutsideTheWindow() {
    Business b = fixture.business("guard");
    long hello = cannedReply(b, "thanks", "Thank you for writing!");
    String objecting = AutomationFixture.newWaId();
    long first = fixture.customerWrites(b, objecting, "Hello", Instant.now());
    AutomationFixture.insert(
        "UPDATE contact SET automation_opt_out = TRUE WHERE tenant_id = ? AND wa_id = ?",
        b.tenant(),
        objecting);
    long r =
        rule(
            b,
            "Thank everyone",
            Trigger.CUSTOMER_MESSAGE,
            null,
            "{\"actions\":[{\"type\":\"send_canned\",\"cannedId\":" + hello + "}]}");
    fixture.customerWrites(b, objecting, "Hello again", Instant.now());
    String late = AutomationFixture.newWaId();
    fixture.customerWrites(b, late, "Written yesterday", Instant.now().minus(Duration.ofHours(25)));
    awaitQuiet(b);
    assertThat(sentTexts(b, null)).isEmpty();
    assertThat(runs(b, r))
        .hasSize(2)
        .anyMatch(
            l ->
                l.startsWith(
                    "NOTHING ✗ send canned response /thanks refused by the send"
                        + " guard (AUTOMATION_OPT_OUT)"))
        .anyMatch(l -> l.contains("(WINDOW_CLOSED)"));
    assertThat(first).isPositive();
  }

  @Test
  void theLoopGuardStopsARuleThatTriggersItself() {
    Business b = fixture.business("loop");
    label(b, "Ping");
    label(b, "Start");
    long r =
        rule(
            b,
            "Ping pong",
            Trigger.LABEL_ADDED,
            null,
            "{\"actions\":[{\"type\":\"remove_label\",\"label\":\"Ping\"},"
                + "{\"type\":\"add_label\",\"label\":\"Ping\"}]}");
    long c = fixture.customerWrites(b, AutomationFixture.newWaId(), "Hi", Instant.now());
    as(
        b.tenant(),
        () -> {
          conversations.label(c, "Start");
          return null;
        });
    await(() -> runs(b, r).size() >= 2, "the rule ran twice");
    awaitQuiet(b);
    List<String> log = runs(b, r);
    assertThat(log).hasSize(2);
    assertThat(log.get(0)).startsWith("DONE");
    assertThat(log.get(1)).startsWith("SKIPPED loop guard");
    assertThat(as(b.tenant(), () -> conversations.labels(c))).contains("Ping", "Start");
  }

  @Test
  void theLoopGuardHoldsWhenTwoServersEvaluateARuleAtOnce() throws Exception {
    Business b = fixture.business("loop-two");
    label(b, "Refund");
    long r =
        rule(
            b,
            "Refunds",
            Trigger.CUSTOMER_MESSAGE,
            null,
            "{\"conditions\":[{\"type\":\"text_contains\",\"keywords\":\"refund\"}],"
                + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Refund\"}]}");
    String waId = AutomationFixture.newWaId();
    long c = fixture.customerWrites(b, waId, "hello", Instant.now());
    await(() -> runs(b, r).size() == 1, "the rule looked at the first message");
    // Not at the end of a minute: the other server's claim and this run share the minute's slot.
    long second = Instant.now().getEpochSecond() % 60;
    if (second >= 45) {
      Thread.sleep((61 - second) * 1000);
    }
    // The other server evaluates the rule for this conversation right now: it claimed the slot and
    // has not written its run yet, so the run log says nothing.
    assertThat(as(b.tenant(), () -> loopGuard.claim(r, c, Instant.now()))).isTrue();
    fixture.customerWrites(b, waId, "refund please", Instant.now());
    await(() -> runs(b, r).size() == 2, "the rule looked at the second message");
    awaitQuiet(b);
    assertThat(runs(b, r))
        .containsExactly(
            "NOTHING condition not met: text contains [refund]",
            "SKIPPED loop guard: the rule is acting on this conversation already (another server)");
    assertThat(as(b.tenant(), () -> conversations.labels(c))).as("acted once: not here").isEmpty();

    // Two evaluations of another conversation at the same moment: one takes the slot.
    long other = fixture.customerWrites(b, AutomationFixture.newWaId(), "hi", Instant.now());
    Instant now = Instant.now();
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
      List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        claims.add(
            two.submit(
                () -> {
                  together.await();
                  return as(b.tenant(), () -> loopGuard.claim(r, other, now));
                }));
      }
      assertThat(
              List.of(
                  claims.get(0).get(1, java.util.concurrent.TimeUnit.MINUTES),
                  claims.get(1).get(1, java.util.concurrent.TimeUnit.MINUTES)))
          .containsExactlyInAnyOrder(true, false);
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void aDryRunReportsTheRightConversationsAndChangesNothing() {
    Business b = fixture.business("dry");
    label(b, "Refund");
    long hello = cannedReply(b, "sorry", "Sorry to hear that, we refund you today.");
    long wants =
        fixture.customerWrites(b, AutomationFixture.newWaId(), "refund please", Instant.now());
    fixture.customerWrites(b, AutomationFixture.newWaId(), "just saying hi", Instant.now());
    String json =
        "{\"conditions\":[{\"type\":\"text_contains\",\"keywords\":\"refund\"}],"
            + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Refund\"},"
            + "{\"type\":\"send_canned\",\"cannedId\":"
            + hello
            + "}]}";
    List<DryRuns.Row> rows =
        as(b.tenant(), () -> dryRuns.replay(Trigger.CUSTOMER_MESSAGE, null, json));
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.conversationId()).isEqualTo(wants);
              assertThat(row.what())
                  .isEqualTo("would add label 'Refund'; would send canned response /sorry");
            });
    assertThat(as(b.tenant(), () -> conversations.labels(wants))).isEmpty();
    assertThat(number("SELECT COUNT(*) FROM automation_run WHERE tenant_id = ?", b.tenant()))
        .isZero();
    assertThat(
            number(
                "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND direction =" + " 'OUTBOUND'",
                b.tenant()))
        .isZero();
    assertThat(sentTexts(b, null)).isEmpty();
  }

  @Test
  void noReplyForNMinutesFiresOnce() {
    Business b = fixture.business("no-reply");
    label(b, "Waiting");
    long r =
        rule(
            b,
            "Nobody answered",
            Trigger.NO_REPLY,
            30,
            "{\"actions\":[{\"type\":\"add_label\",\"label\":\"Waiting\"}]}");
    long c = fixture.customerWrites(b, AutomationFixture.newWaId(), "Hello?", Instant.now());
    try {
      timer.scanNoReply();
      awaitQuiet(b);
      assertThat(runs(b, r)).as("not yet 30 minutes").isEmpty();
      MovableClock.set(Instant.now().plus(Duration.ofMinutes(31)));
      timer.scanNoReply(); // the timer's own scan may come first: the claim is the same
      await(() -> runs(b, r).size() == 1, "the rule fired");
      assertThat(timer.scanNoReply()).as("the same wait fires once").isZero();
      MovableClock.set(Instant.now().plus(Duration.ofMinutes(45)));
      timer.scanNoReply();
      awaitQuiet(b);
    } finally {
      MovableClock.reset();
    }
    assertThat(runs(b, r)).containsExactly("DONE add label 'Waiting'");
    assertThat(as(b.tenant(), () -> conversations.labels(c))).containsExactly("Waiting");
  }

  @Test
  void aRuleWhoseTargetIsGoneIsRefusedOrPaused() {
    Business b = fixture.business("targets");
    assertThatThrownBy(
            () ->
                rule(
                    b,
                    "Ghost",
                    Trigger.CUSTOMER_MESSAGE,
                    null,
                    "{\"actions\":[{\"type\":\"add_label\",\"label\":\"Ghost\"}]}"))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("Action 1: label 'Ghost' no longer exists"));
    assertThatThrownBy(() -> rule(b, " ", Trigger.CUSTOMER_MESSAGE, null, "{\"actions\":[]}"))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "A rule's name has 1 to 100 characters.",
                        "A rule needs at least one action."));
    assertThat(as(b.tenant(), () -> rules.all())).isEmpty();

    label(b, "VIP");
    long r =
        rule(
            b,
            "VIPs",
            Trigger.CUSTOMER_MESSAGE,
            null,
            "{\"actions\":[{\"type\":\"add_label\",\"label\":\"VIP\"}]}");
    long vip = as(b.tenant(), () -> labels.all().get(0).label().getId());
    as(b.tenant(), () -> labels.delete(vip, actor(b)));
    AutomationRule paused = as(b.tenant(), () -> rules.find(r).orElseThrow());
    assertThat(paused.isPaused()).as("paused when the label was deleted").isTrue();
    assertThat(paused.getPausedReason())
        .isEqualTo("Paused: Action 1: label 'VIP' no longer exists");
    assertThat(paused.getPausedWording().code())
        .as("kept as a code for the reader's language")
        .isEqualTo("AutomationWords.PAUSED_BECAUSE");
    assertThat(paused.getPausedWording().english()).isEqualTo(paused.getPausedReason());
    long c = fixture.customerWrites(b, AutomationFixture.newWaId(), "Hi", Instant.now());
    awaitQuiet(b);
    assertThat(runs(b, r)).as("a paused rule does not run").isEmpty();
    assertThat(as(b.tenant(), () -> conversations.labels(c))).isEmpty();
    assertThatThrownBy(
            () ->
                as(
                    b.tenant(),
                    () -> {
                      rules.resume(r);
                      return null;
                    }))
        .isInstanceOf(AutomationRefusedException.class);
  }

  @Test
  void anotherBusinesssRuleIdsAreRefused() {
    Business a = fixture.business("tenant-a");
    Business other = fixture.business("tenant-b");
    label(a, "Mine");
    long r =
        rule(
            a,
            "A's rule",
            Trigger.LABEL_ADDED,
            null,
            "{\"actions\":[{\"type\":\"add_label\",\"label\":\"Mine\"}]}");
    assertThat(as(other.tenant(), () -> rules.find(r))).isEmpty();
    assertThatThrownBy(
            () ->
                as(
                    other.tenant(),
                    () -> {
                      rules.pause(r);
                      return null;
                    }))
        .isInstanceOf(AutomationRefusedException.class);
    assertThatThrownBy(
            () ->
                as(
                    other.tenant(),
                    () ->
                        rules.save(
                            r,
                            "Stolen",
                            Trigger.LABEL_ADDED,
                            null,
                            "{\"actions\":[{\"type\":\"resolve\"}]}",
                            other.agent())))
        .isInstanceOf(AutomationRefusedException.class);
    assertThatThrownBy(() -> as(other.tenant(), () -> rules.runs(r, 10)))
        .isInstanceOf(AutomationRefusedException.class);
    assertThatThrownBy(
            () ->
                as(
                    other.tenant(),
                    () -> {
                      rules.delete(r);
                      return null;
                    }))
        .isInstanceOf(AutomationRefusedException.class);
    AutomationRule mine = as(a.tenant(), () -> rules.find(r).orElseThrow());
    assertThat(mine.getName()).isEqualTo("A's rule");
    assertThat(mine.isPaused()).isFalse();
  }

  @Test
  void anAgentRunsAMacroThroughTheSameActionsAndTheGuard() {
    Business b = fixture.business("macro");
    label(b, "Done");
    long bye = cannedReply(b, "bye", "Glad we could help. Bye!");
    String ana = AutomationFixture.newWaId();
    long c = fixture.customerWrites(b, ana, "Thanks, all good", Instant.now());
    assertThatThrownBy(
            () ->
                as(
                    b.tenant(),
                    () ->
                        macros.save(
                            null,
                            "Template macro",
                            "[{\"type\":\"priority\",\"priority\":\"HIGH\"}]",
                            b.agent())))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("Action 1: 'Mark priority' cannot be part of a macro."));
    long m =
        as(
            b.tenant(),
            () ->
                macros
                    .save(
                        null,
                        "Wrap up",
                        "[{\"type\":\"add_label\",\"label\":\"Done\"},"
                            + "{\"type\":\"send_canned\",\"cannedId\":"
                            + bye
                            + "},{\"type\":\"resolve\"}]",
                        b.agent())
                    .getId());
    String result = as(b.tenant(), () -> macros.run(m, c, b.agent()).english());
    assertThat(result).isEqualTo("add label 'Done'; send canned response /bye; resolve");
    await(() -> sentTexts(b, ana).contains("Glad we could help. Bye!"), "the canned text sent");
    assertThat(conversation(b, c).getStatus()).isEqualTo(Conversation.Status.CLOSED);
    List<MessageView> history = as(b.tenant(), () -> conversations.messages(c, null, 50));
    assertThat(history)
        .filteredOn(v -> !v.isInbound())
        .singleElement()
        // The agent chose to send it: the agent's own answer (it ends an SLA wait), not automatic.
        .matches(v -> !v.automatic(), "not automatic");
    Business other = fixture.business("macro-other");
    assertThatThrownBy(() -> as(other.tenant(), () -> macros.run(m, c, other.agent())))
        .isInstanceOf(AutomationRefusedException.class);
  }

  @Test
  void aRuleAssignsToATeamWhoseRoundRobinPicksTheAgent() {
    Business b = fixture.business("team-rule");
    long owner =
        AutomationFixture.insert(
            "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role,"
                + " status) VALUES (?, ?, 'Owner Olu', 'x', 'OWNER', 'ACTIVE')",
            b.tenant(),
            "owner-" + java.util.UUID.randomUUID() + "@example.test");
    Actor manager = new Actor(owner, "owner@example.test", null);
    long sales =
        as(
            b.tenant(),
            () -> {
              long id = teams.create("Sales", null, List.of(b.agent()), manager).getId();
              teams.route(id, AssignmentMode.ROUND_ROBIN, 10, manager);
              presence.set(b.agent(), Availability.ONLINE);
              return id;
            });
    long r =
        rule(
            b,
            "Prices to Sales",
            Trigger.CUSTOMER_MESSAGE,
            null,
            "{\"conditions\":[{\"type\":\"team\"},"
                + "{\"type\":\"text_contains\",\"keywords\":\"price\"}],"
                + "\"actions\":[{\"type\":\"assign_team\",\"teamId\":"
                + sales
                + "}]}");
    long asks =
        fixture.customerWrites(b, AutomationFixture.newWaId(), "Price list?", Instant.now());
    await(
        () -> {
          Conversation c = conversation(b, asks);
          return Long.valueOf(sales).equals(c.getTeamId())
              && Long.valueOf(b.agent()).equals(c.getAssigneeId());
        },
        "the rule moves the conversation to Sales and its round robin assigns the agent");
    assertThat(runs(b, r)).containsExactly("DONE assign to team Sales");
    assertThat(
            strings(
                "SELECT reason FROM assignment_history WHERE tenant_id = ? AND conversation_id = ?"
                    + " ORDER BY id",
                b.tenant(),
                asks))
        .anySatisfy(reason -> assertThat(reason).contains("Sales").contains("Prices to Sales"));

    as(b.tenant(), () -> teams.delete(sales, manager));
    AutomationRule orphan = as(b.tenant(), () -> rules.find(r).orElseThrow());
    assertThat(orphan.isPaused()).as("paused when the team was deleted").isTrue();
    assertThat(orphan.getPausedReason())
        .isEqualTo("Paused: Action 1: team #" + sales + " no longer exists");
    assertThatThrownBy(
            () ->
                rule(
                    b,
                    "To a gone team",
                    Trigger.CUSTOMER_MESSAGE,
                    null,
                    "{\"actions\":[{\"type\":\"assign_team\",\"teamId\":" + sales + "}]}"))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("Action 1: team #" + sales + " no longer exists"));
  }
}
