package in.picode.kretanote.inbound.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer message from a webhook. {@code sender} is already resolved to the contact identity
 * (see {@link ContactKey}); {@code from} and {@code fromUserId} are kept as Meta sent them.
 *
 * <p>{@code contentJson} is the message's type object (for {@code "type":"image"} the value of
 * {@code "image"}) as JSON, for storage. When there is no such object, as for {@code
 * request_welcome} or a type Meta invents later, it is the whole message object instead, so that
 * nothing Meta sent is lost.
 */
public record InboundMessage(
    String wamid,
    ContactKey sender,
    Optional<String> from,
    Optional<String> fromUserId,
    Instant timestamp,
    MessageType type,
    String rawType,
    Optional<MessageContext> context,
    MessageContent content,
    String contentJson,
    List<WebhookError> errors) {

  /** Meta's wamids are around 60 characters; room to spare for the column. */
  public static final int WAMID_MAX = 255;

  public InboundMessage {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentJson, "contentJson");
    errors = List.copyOf(errors);
  }
}
