package in.picode.kretanote.inbound.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An account-level change of a stored webhook event ({@code account_update}, quality and name
 * updates, template statuses), routed by its WABA id to the live connections one tenant has in that
 * account.
 */
public record RoutedAccountChange(
    long eventId, List<Long> connectionIds, OtherChange change, Instant receivedAt) {
  public RoutedAccountChange {
    connectionIds = List.copyOf(connectionIds);
    if (connectionIds.isEmpty()) {
      throw new IllegalArgumentException("a routed change names at least one connection");
    }
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
