package in.picode.kretanote.messaging.control;

import static in.picode.kretanote.messaging.entity.DeliveryStatus.DELIVERED;
import static in.picode.kretanote.messaging.entity.DeliveryStatus.FAILED;
import static in.picode.kretanote.messaging.entity.DeliveryStatus.READ;
import static in.picode.kretanote.messaging.entity.DeliveryStatus.SENT;
import static in.picode.kretanote.messaging.entity.DeliveryStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.entity.DeliveryStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusOrderTest {

  @ParameterizedTest(name = "{0} then {1} -> {2}")
  @CsvSource({
    "SENT, DELIVERED, DELIVERED",
    "SENT, READ, READ",
    "SENT, FAILED, FAILED",
    "DELIVERED, SENT, DELIVERED",
    "DELIVERED, READ, READ",
    "DELIVERED, FAILED, FAILED",
    "READ, SENT, READ",
    "READ, DELIVERED, READ",
    "READ, FAILED, READ",
    "FAILED, SENT, FAILED",
    "FAILED, DELIVERED, FAILED",
    "FAILED, READ, READ",
    "SENT, SENT, SENT",
    "READ, READ, READ",
    "FAILED, FAILED, FAILED",
    "SENT, UNKNOWN, SENT",
    "READ, UNKNOWN, READ",
    "FAILED, UNKNOWN, FAILED",
    "UNKNOWN, DELIVERED, DELIVERED"
  })
  void keepsTheStrongestStateSeen(
      DeliveryStatus current, DeliveryStatus incoming, DeliveryStatus expected) {
    assertThat(StatusOrder.advance(current, incoming)).isEqualTo(expected);
  }

  @Test
  void theFirstStatusSetsTheStateUnlessItIsUnknown() {
    assertThat(StatusOrder.advance(null, DELIVERED)).isEqualTo(DELIVERED);
    assertThat(StatusOrder.advance(null, UNKNOWN)).isNull();
    assertThat(StatusOrder.changes(null, SENT)).isTrue();
    assertThat(StatusOrder.changes(READ, DELIVERED)).isFalse();
    assertThat(StatusOrder.changes(SENT, UNKNOWN)).isFalse();
  }

  @Test
  void arrivalOrderAndDuplicatesDoNotMatter() {
    for (List<DeliveryStatus> statuses :
        List.of(
            List.of(SENT, DELIVERED, READ),
            List.of(SENT, DELIVERED, FAILED),
            List.of(SENT, FAILED, READ),
            List.of(SENT, SENT, DELIVERED, DELIVERED, UNKNOWN))) {
      List<DeliveryStatus> results = new ArrayList<>();
      permutations(statuses, new ArrayList<>(), results);
      assertThat(results).as("all orders of %s", statuses).containsOnly(results.get(0));
    }
  }

  private static void permutations(
      List<DeliveryStatus> rest, List<DeliveryStatus> taken, List<DeliveryStatus> results) {
    if (rest.isEmpty()) {
      DeliveryStatus state = null;
      for (DeliveryStatus status : taken) {
        state = StatusOrder.advance(state, status);
      }
      results.add(state);
      return;
    }
    for (int i = 0; i < rest.size(); i++) {
      List<DeliveryStatus> remaining = new ArrayList<>(rest);
      taken.add(remaining.remove(i));
      permutations(remaining, taken, results);
      taken.remove(taken.size() - 1);
    }
  }
}
