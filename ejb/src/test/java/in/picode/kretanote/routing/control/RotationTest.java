package in.picode.kretanote.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.routing.entity.AssignmentMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationTest {

  @Test
  void roundRobinTakesTheNextAfterTheLastAndWrapsAround() {
    List<Long> online = List.of(30L, 10L, 20L);
    assertThat(Rotation.pick(AssignmentMode.ROUND_ROBIN, online, Map.of(), 5, null)).contains(10L);
    assertThat(Rotation.pick(AssignmentMode.ROUND_ROBIN, online, Map.of(), 5, 10L)).contains(20L);
    assertThat(Rotation.pick(AssignmentMode.ROUND_ROBIN, online, Map.of(), 5, 30L)).contains(10L);
    assertThat(Rotation.pick(AssignmentMode.ROUND_ROBIN, online, Map.of(), 5, 15L))
        .as("the last one went offline: the next one after them")
        .contains(20L);
  }

  @Test
  void roundRobinOverManyIsEven() {
    List<Long> online = List.of(1L, 2L, 3L);
    Map<Long, Integer> got = new HashMap<>();
    Long last = null;
    for (int i = 0; i < 100; i++) {
      last = Rotation.pick(AssignmentMode.ROUND_ROBIN, online, Map.of(), 5, last).orElseThrow();
      got.merge(last, 1, Integer::sum);
    }
    assertThat(got).containsEntry(1L, 34).containsEntry(2L, 33).containsEntry(3L, 33);
  }

  @Test
  void leastLoadedTakesTheFewestBelowCapacityAndNobodyWhenAllAreFull() {
    List<Long> online = List.of(1L, 2L, 3L);
    Map<Long, Long> load = new HashMap<>(Map.of(1L, 2L, 2L, 1L, 3L, 1L));
    assertThat(Rotation.pick(AssignmentMode.LEAST_LOADED, online, load, 2, null)).contains(2L);
    assertThat(Rotation.pick(AssignmentMode.LEAST_LOADED, online, load, 2, 2L))
        .as("a tie goes to the next in turn")
        .contains(3L);
    load.put(2L, 2L);
    load.put(3L, 2L);
    assertThat(Rotation.pick(AssignmentMode.LEAST_LOADED, online, load, 2, null)).isEmpty();
  }

  @Test
  void offOrNobodyOnlineAssignsNobody() {
    assertThat(Rotation.pick(AssignmentMode.OFF, List.of(1L), Map.of(), 5, null)).isEmpty();
    assertThat(Rotation.pick(AssignmentMode.ROUND_ROBIN, new ArrayList<>(), Map.of(), 5, null))
        .isEmpty();
  }
}
