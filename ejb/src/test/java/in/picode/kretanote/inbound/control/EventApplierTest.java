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

  record Call(long tenant, List<RoutedChange> changes) {}

  final List<Call> calls = new ArrayList<>();

  EventApplier applier(long... failingEvents) {
    return new EventApplier(
        pnid -> NUMBER.equals(pnid) ? Optional.of(ROUTE) : Optional.empty(),
        (tenant, changes) -> {
          calls.add(new Call(tenant, changes));
          for (long failing : failingEvents) {
            if (changes.stream().anyMatch(c -> c.eventId() == failing)) {
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
        .filteredOn(i -> i.kind() == Issue.Kind.UNROUTABLE)
        .extracting(Issue::phoneNumberId)
        .containsExactly(Optional.of("200111222333444"));
    assertThat(calls).hasSize(1);
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
  void rejectedPartsAndOtherFieldsBecomeIssues() {
    EventApplier.Result result =
        applier()
            .apply(
                List.of(event(1, "partly-broken.json"), event(2, "template-status-update.json")));
    assertThat(outcome(result, 1).issues())
        .filteredOn(i -> i.kind() == Issue.Kind.REJECTED)
        .isNotEmpty()
        .allMatch(i -> i.rawJson().isPresent());
    Outcome template = outcome(result, 2);
    assertThat(template.state()).isEqualTo(State.APPLIED);
    assertThat(template.issues())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(Issue.Kind.NOT_APPLIED);
              assertThat(i.reason()).contains("templates are not managed");
            });
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
    assertThat(EventApplier.notApplied("phone_number_quality_update")).contains("health");
    assertThat(EventApplier.notApplied("account_update")).contains("health");
    assertThat(EventApplier.notApplied("security")).contains("security");
  }
}
