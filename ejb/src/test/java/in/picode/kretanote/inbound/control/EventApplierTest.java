package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.connection.boundary.Route;
import in.picode.kretanote.inbound.control.EventLog.Issue;
import in.picode.kretanote.inbound.control.EventLog.Outcome;
import in.picode.kretanote.inbound.control.EventLog.State;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventApplierTest {

  static final String NUMBER = "106540352242922";
  static final Route ROUTE = new Route(7, 70);
  static final String WABA = "102290129340398";

  record Call(long tenant, List<RoutedChange> changes, List<RoutedAccountChange> accounts) {}

  final List<Call> calls = new ArrayList<>();

  /** The WABA of the fixtures has two numbers of tenant 7 and one of tenant 8. */
  static List<Route> accountRoutes(String waba) {
    return WABA.equals(waba) ? List.of(ROUTE, new Route(7, 71), new Route(8, 80)) : List.of();
  }

  EventApplier applier(long... failingEvents) {
    return new EventApplier(
        pnid -> NUMBER.equals(pnid) ? Optional.of(ROUTE) : Optional.empty(),
        EventApplierTest::accountRoutes,
        (tenant, changes, accounts) -> {
          calls.add(new Call(tenant, changes, accounts));
          for (long failing : failingEvents) {
            if (changes.stream().anyMatch(c -> c.eventId() == failing)
                || accounts.stream().anyMatch(c -> c.eventId() == failing)) {
              throw new IllegalStateException("Data too long for column 'x'");
            }
          }
        });
  }

  static EventLog.Claimed event(long id, String fixture) {
    return new EventLog.Claimed(
        id, Fixtures.bytes(fixture), Instant.parse("2026-11-25T10:00:00Z"), 1);
  }

  static EventLog.Claimed event(long id, byte[] body) {
    return new EventLog.Claimed(id, body, Instant.parse("2026-11-25T10:00:00Z"), 1);
  }

  static Outcome outcome(EventApplier.Result result, long id) {
    return result.outcomes().stream().filter(o -> o.eventId() == id).findFirst().orElseThrow();
  }

  @Test
  void routedChangesOfABatchAreAppliedPerTenantInOneCall() {
    EventApplier.Result result =
        applier().apply(List.of(event(1, "all-message-types.json"), event(2, "statuses.json")));
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).tenant()).isEqualTo(7);
    assertThat(calls.get(0).changes()).extracting(RoutedChange::eventId).containsExactly(1L, 2L);
    assertThat(calls.get(0).changes()).allMatch(c -> c.connectionId() == 70);
    assertThat(outcome(result, 1).state()).isEqualTo(State.APPLIED);
    assertThat(outcome(result, 1).issues()).isEmpty();
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void aChangeForAnUnknownNumberMakesTheEventUnroutableButTheRestIsApplied() {
    EventApplier.Result result = applier().apply(List.of(event(1, "batch.json")));
    Outcome o = outcome(result, 1);
    assertThat(o.state()).isEqualTo(State.UNROUTABLE);
    assertThat(o.issues())
        .filteredOn(i -> i.kind() == Issue.Kind.UNROUTABLE && i.phoneNumberId().isPresent())
        .extracting(Issue::phoneNumberId)
        .containsExactly(Optional.of("200111222333444"));
    assertThat(o.issues())
        .as("the quality update of an account nobody connected")
        .filteredOn(i -> i.kind() == Issue.Kind.UNROUTABLE && i.phoneNumberId().isEmpty())
        .extracting(Issue::wabaId)
        .containsExactly(Optional.of("209384756102938"));
    assertThat(calls).as("tenant 7's number, and the template news for both tenants").hasSize(2);
    assertThat(calls.get(0).changes()).allMatch(c -> c.change().phoneNumberId().equals(NUMBER));
  }

  @Test
  void aBodyThatIsNotAWebhookIsRejectedWithTheReason() {
    EventApplier.Result result =
        applier().apply(List.of(event(1, "not json".getBytes(StandardCharsets.UTF_8))));
    assertThat(outcome(result, 1).state()).isEqualTo(State.REJECTED);
    assertThat(outcome(result, 1).reason()).contains("not valid JSON");
    assertThat(calls).isEmpty();
  }

  @Test
  void rejectedPartsBecomeIssues() {
    EventApplier.Result result = applier().apply(List.of(event(1, "partly-broken.json")));
    assertThat(outcome(result, 1).issues())
        .filteredOn(i -> i.kind() == Issue.Kind.REJECTED)
        .isNotEmpty()
        .allMatch(i -> i.rawJson().isPresent());
  }

  @Test
  void accountFieldsAreRoutedByTheirWabaToEachTenantsConnections() {
    EventApplier.Result result =
        applier()
            .apply(
                List.of(event(1, "template-status-update.json"), event(2, "quality-update.json")));
    assertThat(outcome(result, 1).state()).isEqualTo(State.APPLIED);
    assertThat(outcome(result, 1).issues()).isEmpty();
    assertThat(outcome(result, 2).state()).isEqualTo(State.APPLIED);
    assertThat(calls).extracting(Call::tenant).containsExactly(7L, 8L);
    Call seven = calls.get(0);
    assertThat(seven.changes()).isEmpty();
    assertThat(seven.accounts())
        .extracting(a -> a.change().field())
        .containsExactly("message_template_status_update", "phone_number_quality_update");
    assertThat(seven.accounts()).allMatch(a -> a.connectionIds().equals(List.of(70L, 71L)));
    assertThat(calls.get(1).accounts()).allMatch(a -> a.connectionIds().equals(List.of(80L)));
  }

  @Test
  void theResultNamesTheTenantsEachEventWasRoutedTo() {
    EventApplier.Result result =
        applier()
            .apply(
                List.of(
                    event(1, "statuses.json"),
                    event(2, "template-status-update.json"),
                    event(3, "not json".getBytes(StandardCharsets.UTF_8))));
    assertThat(result.tenantsOf(1)).containsExactly(7L);
    assertThat(result.tenantsOf(2)).as("an account shared by two tenants").containsExactly(7L, 8L);
    assertThat(result.tenantsOf(3)).as("a rejected body goes nowhere").isEmpty();
  }

  @Test
  void anAccountNobodyConnectedIsUnroutable() {
    byte[] body =
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"555\",\"changes\":["
                + "{\"field\":\"account_update\",\"value\":{\"event\":\"ACCOUNT_VIOLATION\"}},"
                + "{\"field\":\"security\",\"value\":{\"event\":\"PIN_CHANGED\"}}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    Outcome o = outcome(applier().apply(List.of(event(1, body))), 1);
    assertThat(o.state()).isEqualTo(State.UNROUTABLE);
    assertThat(o.issues())
        .extracting(Issue::kind, Issue::wabaId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Issue.Kind.UNROUTABLE, Optional.of("555")),
            org.assertj.core.groups.Tuple.tuple(Issue.Kind.NOT_APPLIED, Optional.of("555")));
    assertThat(calls).isEmpty();
  }

  @Test
  void aFailingAccountChangeIsIsolatedLikeAMessage() {
    EventApplier.Result result =
        applier(2)
            .apply(
                List.of(event(1, "template-status-update.json"), event(2, "quality-update.json")));
    assertThat(result.failures()).containsOnlyKeys(2L);
    assertThat(outcome(result, 1).state()).isEqualTo(State.APPLIED);
  }

  @Test
  void aPoisonousEventIsIsolatedAndTheOthersAreApplied() {
    EventApplier.Result result =
        applier(2)
            .apply(
                List.of(
                    event(1, "all-message-types.json"),
                    event(2, "statuses.json"),
                    event(3, "escapes.json")));
    assertThat(result.failures()).containsOnlyKeys(2L);
    assertThat(result.failures().get(2L))
        .isEqualTo("IllegalStateException: Data too long for column 'x'");
    assertThat(result.outcomes()).extracting(Outcome::eventId).containsExactlyInAnyOrder(1L, 3L);
    assertThat(calls)
        .as("the batch, then each event on its own")
        .extracting(c -> c.changes().stream().map(RoutedChange::eventId).distinct().toList())
        .containsExactly(List.of(1L, 2L, 3L), List.of(1L), List.of(2L), List.of(3L));
  }

  @Test
  void notAppliedReasonsNameWhatIsMissing() {
    assertThat(EventApplier.notApplied("business_capability_update")).contains("health checks");
    assertThat(EventApplier.notApplied("security")).contains("security");
  }

  @Test
  void eachAppliedEventRecordsTheTenantsItWasRoutedToInOneCallPerBatchAndAFailedOneNothing() {
    java.util.Map<Long, java.util.Set<Long>> recorded = new java.util.LinkedHashMap<>();
    EventApplier recording =
        new EventApplier(
            pnid -> NUMBER.equals(pnid) ? Optional.of(ROUTE) : Optional.empty(),
            EventApplierTest::accountRoutes,
            (tenant, changes, accounts) -> {
              if (changes.stream().anyMatch(c -> c.eventId() == 3)) {
                throw new IllegalStateException("poison");
              }
            },
            batch -> {
              assertThat(recorded).isEmpty();
              recorded.putAll(batch);
            });
    recording.apply(
        List.of(
            event(1, "all-message-types.json"),
            event(2, "quality-update.json"),
            event(3, "statuses.json"),
            event(4, "not json".getBytes(StandardCharsets.UTF_8))));
    assertThat(recorded).containsOnlyKeys(1L, 2L);
    assertThat(recorded.get(1L)).containsExactly(7L);
    assertThat(recorded.get(2L)).containsExactlyInAnyOrder(7L, 8L);
  }
}
