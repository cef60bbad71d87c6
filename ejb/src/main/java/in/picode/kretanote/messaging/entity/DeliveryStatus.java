package in.picode.kretanote.messaging.entity;

/**
 * The delivery states of an outgoing message that {@code messaging.control.StatusOrder} orders.
 * Statuses Meta sends besides these ({@code deleted}, {@code warning}, anything new) are {@link
 * #UNKNOWN}: kept with their wire name but never moving a message's state.
 */
public enum DeliveryStatus {
  SENT,
  DELIVERED,
  READ,
  FAILED,
  UNKNOWN;

  public static DeliveryStatus fromWire(String status) {
    return switch (status) {
      case "sent" -> SENT;
      case "delivered" -> DELIVERED;
      case "read" -> READ;
      case "failed" -> FAILED;
      default -> UNKNOWN;
    };
  }
}
