package in.picode.kretanote.inbound.control;

import java.time.Instant;
import java.util.Objects;

/**
 * A messages change of a stored webhook event, routed to the connection (and so the tenant) that
 * owns its phone number.
 */
public record RoutedChange(
    long eventId, long connectionId, MessagesChange change, Instant receivedAt) {
  public RoutedChange {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
