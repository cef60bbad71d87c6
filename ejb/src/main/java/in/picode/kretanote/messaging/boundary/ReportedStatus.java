package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One status Meta reported for an outgoing message, for {@link Deliveries#report}: {@code status}
 * as Meta named it, {@code delivery} what it means for the message's state.
 */
public record ReportedStatus(
    long connectionId,
    String wamid,
    String status,
    DeliveryStatus delivery,
    Instant occurredAt,
    String recipient,
    Optional<Pricing> pricing,
    Optional<Failure> failure) {

  /** Meta's pricing of the message, the tenant's cost. */
  public record Pricing(String category, String type, String model, Boolean billable) {}

  /** Meta's error; act on {@code code}, the texts are only shown to people. */
  public record Failure(Integer code, String title, String details) {}

  public ReportedStatus {
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(failure, "failure");
  }
}
