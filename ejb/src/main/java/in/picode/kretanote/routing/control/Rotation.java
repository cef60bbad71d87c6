package in.picode.kretanote.routing.control;

import in.picode.kretanote.routing.entity.AssignmentMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who gets the next conversation, among the online members (ascending user ids): round robin takes
 * the first after the one assigned last, wrapping around, so each gets one in turn whatever joins
 * or leaves; least-loaded takes the one with the fewest open conversations below the capacity (on a
 * tie, the first after the one assigned last, so equal agents still take turns). Empty when nobody
 * can take it. The caller holds the business's routing lock, so the pointer and the loads it passes
 * are current.
 */
public final class Rotation {

  private Rotation() {}

  public static Optional<Long> pick(
      AssignmentMode mode, List<Long> online, Map<Long, Long> load, int capacity, Long last) {
    if (mode == AssignmentMode.OFF || online.isEmpty()) {
      return Optional.empty();
    }
    List<Long> order = turnOrder(online, last);
    if (mode == AssignmentMode.ROUND_ROBIN) {
      return Optional.of(order.get(0));
    }
    Long best = null;
    long bestLoad = Long.MAX_VALUE;
    for (Long user : order) {
      long l = load.getOrDefault(user, 0L);
      if (l < capacity && l < bestLoad) {
        best = user;
        bestLoad = l;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The online members starting with the first after {@code last}. */
  static List<Long> turnOrder(List<Long> online, Long last) {
    List<Long> sorted = online.stream().sorted().toList();
    int start = 0;
    if (last != null) {
      while (start < sorted.size() && sorted.get(start) <= last) {
        start++;
      }
      if (start == sorted.size()) {
        start = 0;
      }
    }
    return java.util.stream.Stream.concat(
            sorted.subList(start, sorted.size()).stream(), sorted.subList(0, start).stream())
        .toList();
  }
}
