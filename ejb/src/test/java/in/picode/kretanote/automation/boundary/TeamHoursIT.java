package in.picode.kretanote.automation.boundary;

import static in.picode.kretanote.automation.boundary.AutomationFixture.await;
import static in.picode.kretanote.automation.boundary.AutomationFixture.awaitQuiet;
import static in.picode.kretanote.automation.boundary.AutomationFixture.number;
import static in.picode.kretanote.automation.boundary.AutomationFixture.runs;
import static in.picode.kretanote.automation.boundary.AutomationFixture.sentTexts;
import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.automation.boundary.AutomationFixture.Business;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Labels;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.routing.boundary.Actor;
import in.picode.kretanote.routing.boundary.Assignments;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.sla.boundary.SlaClocks;
import in.picode.kretanote.sla.boundary.SlaPolicies;
import in.picode.kretanote.sla.boundary.SlaStatus;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The last gaps of issue 18: a team's own business hours (away message, the hours condition, SLA in
 * business hours), the "language is" condition, later rules seeing earlier rules' changes, SLA
 * targets of teams only, and rules paused when their template or canned response is deleted.
 */
@ExtendWith(ArquillianExtension.class)
class TeamHoursIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("automation-team-hours");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  static final String AWAY = "We are closed, the night team answers tomorrow.";

  @Inject AutomationFixture fixture;
  @Inject BusinessHoursSettings settings;
  @Inject AutomationRules rules;
  @Inject Conversations conversations;
  @Inject Labels labels;
  @Inject CannedResponses canned;
  @Inject Templates templates;
  @Inject Teams teams;
  @Inject Assignments assignments;
  @Inject Contacts contacts;
  @Inject SlaPolicies slaPolicies;
  @Inject SlaClocks slaClocks;

  Actor manager(Business b) {
    long owner =
        AutomationFixture.insert(
            "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role,"
                + " status) VALUES (?, ?, 'Owner Olu', 'x', 'OWNER', 'ACTIVE')",
            b.tenant(),
            "owner-" + UUID.randomUUID() + "@example.test");
    return new Actor(owner, "owner@example.test", null);
  }

  long team(Business b, Actor manager, String name) {
    return as(b.tenant(), () -> teams.create(name, null, List.of(), manager).getId());
  }

  Conversations.Actor agent(Business b) {
    return new Conversations.Actor(b.agent(), "agent@example.test", null);
  }

  long rule(Business b, String name, String json) {
    return as(
        b.tenant(),
        () -> rules.save(null, name, Trigger.CUSTOMER_MESSAGE, null, json, b.agent()).getId());
  }

  Conversation conversation(Business b, long id) {
    return as(b.tenant(), () -> conversations.find(id).orElseThrow().conversation());
  }

  void moveToTeam(Business b, long conversation, Long team, Actor manager) {
    as(
        b.tenant(),
        () -> {
          assignments.moveToTeam(conversation, team, manager);
          return null;
        });
  }

  Optional<SlaStatus> sla(Business b, long conversation) {
    return as(b.tenant(), () -> slaClocks.status(conversation));
  }

  static Map<DayOfWeek, String> allDay() {
    Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      days.put(d, "00:00-24:00");
    }
    return days;
  }

  /** Today and tomorrow (UTC): the night team's holidays, so it is closed now. */
  static String todayAndTomorrow() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return today + ", " + today.plusDays(1);
  }

  @Test
  void aTeamsHoursRefuseEveryMistakeAtOnceAndAnotherBusinesssTeam() {
    Business b = fixture.business("team-hours-bad");
    Business other = fixture.business("team-hours-other");
    long theirs = team(other, manager(other), "Theirs");
    long mine = team(b, manager(b), "Mine");
    Map<DayOfWeek, String> days = allDay();
    days.put(DayOfWeek.MONDAY, "09:00-12:00, 11:00-13:00");
    days.put(DayOfWeek.TUESDAY, "18:00-08:00");
    assertThatThrownBy(
            () -> as(b.tenant(), () -> settings.saveForTeam(theirs, "Mars/Base", days, "soon")))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "That team does not exist.",
                        "Unknown time zone 'Mars/Base'.",
                        "Monday: 09:00-12:00 and 11:00-13:00 overlap.",
                        "Tuesday: 18:00-08:00 ends before it starts.",
                        "Holiday 'soon' is not a date (YYYY-MM-DD)."));
    assertThatThrownBy(
            () -> as(b.tenant(), () -> settings.saveForTeam(mine, "Mars/Base", allDay(), "")))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e -> assertThat(e.problems()).containsExactly("Unknown time zone 'Mars/Base'."));
    assertThat(
            number(
                "SELECT COUNT(*) FROM team_hours WHERE tenant_id IN (?, ?)",
                b.tenant(),
                other.tenant()))
        .as("nothing half-saved, nothing saved for another business's team")
        .isZero();
    assertThat(as(b.tenant(), () -> settings.teamForm(mine).own())).isFalse();

    as(b.tenant(), () -> settings.saveForTeam(mine, "Asia/Kolkata", allDay(), "2027-01-26"));
    BusinessHoursSettings.TeamForm saved = as(b.tenant(), () -> settings.teamForm(mine));
    assertThat(saved.own()).isTrue();
    assertThat(saved.timeZone()).isEqualTo("Asia/Kolkata");
    assertThat(saved.holidays()).isEqualTo("2027-01-26");
    assertThat(as(other.tenant(), () -> settings.ofTeam(mine))).as("not another's").isEmpty();
    assertThat(as(other.tenant(), () -> settings.removeTeamHours(mine))).isFalse();

    // Deleting the team deletes its hours.
    as(b.tenant(), () -> teams.delete(mine, manager(b)));
    assertThat(number("SELECT COUNT(*) FROM team_hours WHERE tenant_id = ?", b.tenant())).isZero();
  }

  @Test
  void theAwayMessageTheHoursConditionAndSlaFollowTheConversationsTeam() {
    Business b = fixture.business("team-hours");
    Actor manager = manager(b);
    // The business is open all day; the night team is closed today and tomorrow.
    as(
        b.tenant(),
        () -> {
          settings.save(
              new BusinessHoursSettings.Form("UTC", allDay(), "", true, AWAY, false, null, 1));
          return null;
        });
    long night = team(b, manager, "Night");
    as(b.tenant(), () -> settings.saveForTeam(night, "UTC", allDay(), todayAndTomorrow()));
    as(b.tenant(), () -> slaPolicies.saveForTeam(night, 30, null, null, true));
    as(b.tenant(), () -> labels.create("Closed hours", agent(b)));
    long r =
        rule(
            b,
            "Outside hours",
            "{\"conditions\":[{\"type\":\"business_hours\",\"inside\":false}],"
                + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Closed hours\"}]}");

    String ana = AutomationFixture.newWaId();
    long c = fixture.customerWrites(b, ana, "Hello?", Instant.now());
    awaitQuiet(b);
    assertThat(sentTexts(b, ana)).as("no team: the business is open").isEmpty();
    assertThat(as(b.tenant(), () -> conversations.labels(c))).isEmpty();
    assertThat(sla(b, c)).as("no business targets, no team: no clock").isEmpty();

    // In the night team, closed and written again: the team's hours hold.
    moveToTeam(b, c, night, manager);
    as(
        b.tenant(),
        () -> {
          conversations.close(c, agent(b));
          return null;
        });
    Instant wrote = Instant.now();
    fixture.customerWrites(b, ana, "Still there?", wrote);
    await(() -> sentTexts(b, ana).contains(AWAY), "the away message of the night team's hours");
    awaitQuiet(b);
    assertThat(as(b.tenant(), () -> conversations.labels(c))).containsExactly("Closed hours");
    assertThat(runs(b, r))
        .containsExactly(
            "NOTHING condition not met: outside business hours", "DONE add label 'Closed hours'");
    SlaStatus due = sla(b, c).orElseThrow();
    assertThat(due.due())
        .as("30 min counted in the night team's hours: after its two holidays")
        .isAfter(wrote.plus(Duration.ofDays(1)));
  }

  @Test
  void aLaterRuleSeesWhatAnEarlierRuleOfTheSameEventChanged() {
    Business b = fixture.business("rule-chain");
    long sales = team(b, manager(b), "Sales");
    as(b.tenant(), () -> labels.create("Lead", agent(b)));
    long first =
        rule(
            b,
            "Prices are leads",
            "{\"conditions\":[{\"type\":\"text_contains\",\"keywords\":\"price\"}],"
                + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Lead\"},"
                + "{\"type\":\"assign_team\",\"teamId\":"
                + sales
                + "},{\"type\":\"add_tag\",\"tag\":\"prospect\"}]}");
    long second =
        rule(
            b,
            "Sales leads to Ana",
            "{\"conditions\":[{\"type\":\"label\",\"label\":\"Lead\"},"
                + "{\"type\":\"team\",\"teamId\":"
                + sales
                + "},{\"type\":\"contact_tag\",\"tag\":\"prospect\"}],"
                + "\"actions\":[{\"type\":\"assign\",\"userId\":"
                + b.agent()
                + "}]}");
    long third =
        rule(
            b,
            "Nobody's",
            "{\"conditions\":[{\"type\":\"assignee\"}],"
                + "\"actions\":[{\"type\":\"add_note\",\"text\":\"Unassigned\"}]}");
    long c = fixture.customerWrites(b, AutomationFixture.newWaId(), "Price list?", Instant.now());
    awaitQuiet(b);
    assertThat(runs(b, first)).singleElement().asString().startsWith("DONE add label 'Lead'");
    assertThat(runs(b, second))
        .as("the label, team and tag the first rule set")
        .containsExactly("DONE assign to agent #" + b.agent());
    assertThat(runs(b, third))
        .as("the second rule's assignee")
        .containsExactly("NOTHING condition not met: assigned to nobody");
    assertThat(conversation(b, c).getAssigneeId()).isEqualTo(b.agent());
  }

  @Test
  void aLanguageRuleMatchesTheDetectedLanguageAndRefusesUnknownCodes() {
    Business b = fixture.business("language");
    as(b.tenant(), () -> labels.create("Español", agent(b)));
    assertThatThrownBy(
            () ->
                rule(
                    b,
                    "Bad",
                    "{\"conditions\":[{\"type\":\"language\",\"languages\":\"es, xx, klingon\"},"
                        + "{\"type\":\"language\"},"
                        + "{\"type\":\"language\",\"languages\":\""
                        + "es,".repeat(80)
                        + "\"}],"
                        + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Español\"}]}"))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("Condition 1: Unknown language code xx, klingon;"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "Condition 2: Name at least one language code, such as es"
                                        + " or pt."))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "Condition 3: The languages have more than 200"
                                        + " characters.")));
    long r =
        rule(
            b,
            "Spanish or Portuguese",
            "{\"conditions\":[{\"type\":\"language\",\"languages\":\"ES, pt\"}],"
                + "\"actions\":[{\"type\":\"add_label\",\"label\":\"Español\"}]}");
    long spanish =
        fixture.customerWrites(
            b, AutomationFixture.newWaId(), "Hola, ¿dónde está mi pedido?", Instant.now());
    long english =
        fixture.customerWrites(
            b, AutomationFixture.newWaId(), "Hello, where is my order?", Instant.now());
    long unknown = fixture.customerWrites(b, AutomationFixture.newWaId(), "👍 123", Instant.now());
    awaitQuiet(b);
    assertThat(as(b.tenant(), () -> conversations.labels(spanish))).containsExactly("Español");
    assertThat(as(b.tenant(), () -> conversations.labels(english))).isEmpty();
    assertThat(as(b.tenant(), () -> conversations.labels(unknown))).isEmpty();
    assertThat(conversation(b, spanish).getCustomerLanguage()).isEqualTo("es");
    assertThat(conversation(b, english).getCustomerLanguage()).isEqualTo("en");
    assertThat(conversation(b, unknown).getCustomerLanguage()).isNull();
    assertThat(runs(b, r))
        .containsExactlyInAnyOrder(
            "DONE add label 'Español'",
            "NOTHING condition not met: language is one of [es, pt]",
            "NOTHING condition not met: language is one of [es, pt]");
  }

  @Test
  void slaTargetsOfTeamsOnlyStartNoClockWithoutATeamAndStopInATeamWithout() {
    Business b = fixture.business("sla-teams");
    Actor manager = manager(b);
    long sales = team(b, manager, "Sales");
    long support = team(b, manager, "Support");
    as(b.tenant(), () -> slaPolicies.saveForTeam(sales, 60, 60, 600, false));

    long loose = fixture.customerWrites(b, AutomationFixture.newWaId(), "Hi", Instant.now());
    assertThat(sla(b, loose)).as("no team, no business targets: no clock").isEmpty();
    assertThat(number("SELECT COUNT(*) FROM sla_clock WHERE tenant_id = ?", b.tenant())).isZero();

    String waId = AutomationFixture.newWaId();
    long c = fixture.customerWrites(b, waId, "First", Instant.now());
    moveToTeam(b, c, sales, manager);
    fixture.customerWrites(b, waId, "Second, in Sales", Instant.now());
    assertThat(sla(b, c)).as("Sales's targets").isPresent();

    moveToTeam(b, c, support, manager);
    assertThat(sla(b, c)).as("Support has no targets: nothing due").isEmpty();
    as(
        b.tenant(),
        () -> {
          slaClocks.businessReplied(c);
          return null;
        });
    Instant waiting = Instant.now();
    fixture.customerWrites(b, waId, "Third, in Support", waiting);
    assertThat(sla(b, c)).as("still nothing due in Support").isEmpty();

    moveToTeam(b, c, sales, manager);
    SlaStatus back = sla(b, c).orElseThrow();
    assertThat(back.what()).isEqualTo("response");
    assertThat(Duration.between(waiting, back.due()))
        .as("the wait that began in Support, held to Sales's 60 minutes")
        .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    moveToTeam(b, c, null, manager);
    assertThat(sla(b, c)).as("no team again: the business has no targets").isEmpty();
  }

  @Test
  void deletingATemplateOrACannedResponsePausesTheRulesThatUseThem() {
    Business b = fixture.business("deleted-targets");
    long thanks = as(b.tenant(), () -> canned.create("thanks", "Thank you!", agent(b)).getId());
    long template =
        as(
                b.tenant(),
                () ->
                    templates.create(
                        b.connectionId(),
                        "order_note",
                        "en_US",
                        Category.UTILITY,
                        SimulatedNumbers.components()))
            .getId();
    long usesCanned =
        rule(b, "Thank", "{\"actions\":[{\"type\":\"send_canned\",\"cannedId\":" + thanks + "}]}");
    long usesTemplate =
        rule(
            b,
            "Note",
            "{\"actions\":[{\"type\":\"send_template\",\"templateId\":"
                + template
                + ",\"values\":[\"Ana\",\"A-1\"]}]}");

    as(b.tenant(), () -> canned.delete(thanks, agent(b)));
    AutomationRule c = as(b.tenant(), () -> rules.find(usesCanned).orElseThrow());
    assertThat(c.isPaused()).as("paused when the canned response was deleted").isTrue();
    assertThat(c.getPausedReason())
        .isEqualTo("Paused: Action 1: canned response #" + thanks + " no longer exists");
    assertThat(as(b.tenant(), () -> rules.find(usesTemplate).orElseThrow().isPaused())).isFalse();

    as(b.tenant(), () -> templates.delete(b.connectionId(), "order_note"));
    List<AutomationRule> page = as(b.tenant(), () -> rules.all());
    assertThat(page)
        .as("the automation page's list shows both paused with the reason")
        .extracting(AutomationRule::getName, AutomationRule::getPausedReason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "Thank", "Paused: Action 1: canned response #" + thanks + " no longer exists"),
            org.assertj.core.groups.Tuple.tuple(
                "Note", "Paused: Action 1: template #" + template + " no longer exists"));

    long conversation = fixture.customerWrites(b, AutomationFixture.newWaId(), "Hi", Instant.now());
    awaitQuiet(b);
    assertThat(runs(b, usesCanned)).as("paused rules do not run").isEmpty();
    assertThat(runs(b, usesTemplate)).isEmpty();
    assertThat(conversation).isPositive();
  }
}
