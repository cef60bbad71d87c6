package in.picode.kretanote.automation.boundary;

import static in.picode.kretanote.automation.boundary.AutomationFixture.await;
import static in.picode.kretanote.automation.boundary.AutomationFixture.awaitQuiet;
import static in.picode.kretanote.automation.boundary.AutomationFixture.sentTexts;
import static in.picode.kretanote.automation.boundary.AutomationFixture.strings;
import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.testing.ItMeta;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Business hours and the away and greeting messages against the Meta simulator: what reaches
 * "Meta", what the history shows, what the settings keep after bad input.
 */
@ExtendWith(ArquillianExtension.class)
class BusinessHoursIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("automation-hours");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject AutomationFixture fixture;
  @Inject BusinessHoursSettings settings;
  @Inject Conversations conversations;

  static final String AWAY = "We are closed now and answer tomorrow.";
  static final String HELLO = "Welcome to our shop!";

  /** Open all day every day; {@code closedToday}: today and tomorrow (UTC) are holidays. */
  static BusinessHoursSettings.Form allDay(
      boolean closedToday, boolean away, boolean greeting, int repeat) {
    Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      days.put(d, "00:00-12:00, 12:00-24:00");
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String holidays = closedToday ? today + ", " + today.plusDays(1) : "";
    return new BusinessHoursSettings.Form(
        "UTC", days, holidays, away, AWAY, greeting, HELLO, repeat);
  }

  void save(AutomationFixture.Business b, BusinessHoursSettings.Form form) {
    as(
        b.tenant(),
        () -> {
          settings.save(form);
          return null;
        });
  }

  @Test
  void theAwayMessageGoesOnceOutsideHoursNotInsideAndNotTwiceWithinTheInterval() {
    AutomationFixture.Business b = fixture.business("away");
    save(b, allDay(true, true, false, 60));
    String ana = AutomationFixture.newWaId();
    long conversation = fixture.customerWrites(b, ana, "Hello?", Instant.now());
    await(() -> sentTexts(b, ana).contains(AWAY), "the away message reaches Meta");
    fixture.customerWrites(b, ana, "Anyone there?", Instant.now());
    awaitQuiet(b);
    assertThat(sentTexts(b, ana)).as("a second message of the same conversation").hasSize(1);

    List<MessageView> history =
        as(b.tenant(), () -> conversations.messages(conversation, null, 50));
    assertThat(history)
        .filteredOn(m -> AWAY.equals(m.text()))
        .singleElement()
        .matches(MessageView::automatic, "shown as automatic");

    // Resolved and written again: a first message again, but within the 60-minute interval.
    as(
        b.tenant(),
        () -> {
          conversations.close(conversation, new Conversations.Actor(b.agent(), "a@x", null));
          return null;
        });
    fixture.customerWrites(b, ana, "Hello again", Instant.now());
    awaitQuiet(b);
    assertThat(sentTexts(b, ana)).hasSize(1);
    List<String> away =
        strings(
            "SELECT detail FROM automation_run WHERE tenant_id = ? AND event = 'AWAY_MESSAGE'"
                + " ORDER BY id",
            b.tenant());
    assertThat(away).hasSize(2);
    assertThat(away.get(0)).isEqualTo("away message sent");
    assertThat(away.get(1))
        .as("how long ago, not a raw timestamp")
        .matches(
            "away message not sent: it went to this contact \\d+ min ago, within the 60 min"
                + " repeat interval");

    // Inside hours: no away message for a new customer.
    save(b, allDay(false, true, false, 60));
    String ben = AutomationFixture.newWaId();
    fixture.customerWrites(b, ben, "Hi, open?", Instant.now());
    awaitQuiet(b);
    assertThat(sentTexts(b, ben)).isEmpty();
  }

  @Test
  void theGreetingGoesOnlyWithAContactsFirstConversation() {
    AutomationFixture.Business b = fixture.business("greeting");
    save(b, allDay(false, false, true, 1));
    String ana = AutomationFixture.newWaId();
    long conversation = fixture.customerWrites(b, ana, "Hi", Instant.now());
    await(() -> sentTexts(b, ana).contains(HELLO), "the greeting reaches Meta");
    fixture.customerWrites(b, ana, "Are you there?", Instant.now());
    as(
        b.tenant(),
        () -> {
          conversations.close(conversation, new Conversations.Actor(b.agent(), "a@x", null));
          return null;
        });
    fixture.customerWrites(b, ana, "Back again", Instant.now());
    awaitQuiet(b);
    assertThat(sentTexts(b, ana)).containsExactly(HELLO);

    String ben = AutomationFixture.newWaId();
    fixture.customerWrites(b, ben, "Hello", Instant.now());
    await(() -> sentTexts(b, ben).contains(HELLO), "a new customer is greeted");
  }

  @Test
  void badHoursAreRefusedAllAtOnceAndNothingIsSaved() {
    AutomationFixture.Business b = fixture.business("bad-hours");
    Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
    days.put(DayOfWeek.MONDAY, "09:00-12:00, 11:00-13:00");
    days.put(DayOfWeek.TUESDAY, "17:00-09:00");
    days.put(DayOfWeek.WEDNESDAY, "25:00-26:00");
    BusinessHoursSettings.Form bad =
        new BusinessHoursSettings.Form(
            "Mars/Olympus_Mons", days, "2026-13-40", true, " ", false, null, 0);
    assertThatThrownBy(() -> save(b, bad))
        .isInstanceOfSatisfying(
            AutomationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(7)
                    .anyMatch(p -> p.contains("Unknown time zone 'Mars/Olympus_Mons'"))
                    .anyMatch(p -> p.contains("Monday") && p.contains("overlap"))
                    .anyMatch(p -> p.contains("Tuesday") && p.contains("ends before it starts"))
                    .anyMatch(p -> p.contains("Wednesday") && p.contains("not a time of day"))
                    .anyMatch(p -> p.contains("Holiday '2026-13-40'"))
                    .anyMatch(p -> p.contains("away message"))
                    .anyMatch(p -> p.contains("Send again after")));
    assertThat(as(b.tenant(), () -> settings.find())).isEmpty();

    save(b, allDay(false, false, false, 30));
    assertThatThrownBy(() -> save(b, bad)).isInstanceOf(AutomationRefusedException.class);
    BusinessHoursSettings.Form kept = as(b.tenant(), () -> settings.form());
    assertThat(kept.days().get(DayOfWeek.MONDAY)).isEqualTo("00:00-12:00, 12:00-24:00");
    assertThat(kept.repeatMinutes()).isEqualTo(30);
  }
}
