package in.picode.kretanote.messaging.control;

import in.picode.kretanote.messaging.entity.DeliveryStatus;

/**
 * Decides which delivery state an outgoing message ends up in when status webhooks arrive twice and
 * out of order ({@code read} before {@code delivered} happens in practice).
 *
 * <p>The rule is one ranking, and a message keeps the highest state it has seen: {@code sent <
 * delivered < failed < read}. So a state never goes backwards, whatever the arrival order, and
 * replaying the same statuses in any order gives the same result.
 *
 * <ul>
 *   <li>{@code failed} is terminal for the transport states: a late {@code sent} or {@code
 *       delivered} does not undo it, and a {@code failed} after {@code delivered} (rare, but Meta
 *       does it) wins, because an agent must see the failure and its error.
 *   <li>{@code read} beats {@code failed}, in both orders. A read receipt is produced only by the
 *       recipient's device, so the customer has the message whatever the failure said; showing
 *       "failed" would invite the agent to send it twice.
 *   <li>{@link DeliveryStatus#UNKNOWN} ({@code deleted}, {@code warning}, anything new) never
 *       changes the state; the status itself is still stored.
 * </ul>
 */
public final class StatusOrder {

  private StatusOrder() {}

  /**
   * @param current the message's state, or {@code null} while no status has arrived
   * @return the state after {@code incoming}; {@code current} itself when nothing changes
   */
  public static DeliveryStatus advance(DeliveryStatus current, DeliveryStatus incoming) {
    if (incoming == null || incoming == DeliveryStatus.UNKNOWN) {
      return current;
    }
    if (current == null || current == DeliveryStatus.UNKNOWN) {
      return incoming;
    }
    return rank(incoming) > rank(current) ? incoming : current;
  }

  public static boolean changes(DeliveryStatus current, DeliveryStatus incoming) {
    return advance(current, incoming) != current;
  }

  private static int rank(DeliveryStatus status) {
    return switch (status) {
      case SENT -> 1;
      case DELIVERED -> 2;
      case FAILED -> 3;
      case READ -> 4;
      case UNKNOWN -> 0;
    };
  }
}
