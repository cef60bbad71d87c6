package in.picode.kretanote.inbound.control;

import in.picode.kretanote.messaging.entity.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A status webhook for one of our outgoing messages. They arrive at least once and out of order;
 * {@code messaging.control.StatusOrder} decides what they change. {@code pricing} is the tenant's
 * Meta cost for the message and is kept whatever the status.
 */
public record StatusUpdate(
    String wamid,
    DeliveryStatus status,
    String rawStatus,
    Instant timestamp,
    Optional<String> recipientId,
    Optional<String> recipientUserId,
    Optional<Pricing> pricing,
    Optional<Conversation> conversation,
    List<WebhookError> errors) {

  public record Pricing(
      Optional<String> category,
      Optional<String> type,
      Optional<String> pricingModel,
      Optional<Boolean> billable) {}

  /** Conversation-based pricing, which Meta still sends on some statuses. */
  public record Conversation(
      Optional<String> id, Optional<String> originType, Optional<Instant> expiresAt) {}

  public StatusUpdate {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(timestamp, "timestamp");
    errors = List.copyOf(errors);
  }

  public Optional<ContactKey> recipient() {
    return ContactKey.of(recipientUserId.orElse(null), recipientId.orElse(null));
  }
}
