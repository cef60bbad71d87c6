package in.picode.kretanote.inbound.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of the {@code messages} field: customer messages and statuses of our messages for the
 * phone number {@code phoneNumberId}, which is what routes them to a tenant.
 */
public record MessagesChange(
    String wabaId,
    String phoneNumberId,
    Optional<String> displayPhoneNumber,
    List<InboundContact> contacts,
    List<InboundMessage> messages,
    List<StatusUpdate> statuses,
    List<WebhookError> errors)
    implements WebhookChange {

  public static final String FIELD = "messages";

  public MessagesChange {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    contacts = List.copyOf(contacts);
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
    errors = List.copyOf(errors);
  }

  @Override
  public String field() {
    return FIELD;
  }

  public Optional<InboundContact> contact(ContactKey key) {
    return contacts.stream().filter(c -> c.key().equals(key)).findFirst();
  }
}
