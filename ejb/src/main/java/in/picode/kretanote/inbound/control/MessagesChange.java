package in.picode.kretanote.inbound.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of the {@code messages} field: customer messages and statuses of our messages for the
 * phone number {@code phoneNumberId}, which is what routes them to a tenant. The fields {@code
 * smb_message_echoes} ({@code echoes}: the business's own messages sent from the app, whose {@code
 * sender} is the customer they went to) and {@code user_preferences} ({@code preferences}) have the
 * same shape and routing and are read into this record too.
 */
public record MessagesChange(
    String wabaId,
    String phoneNumberId,
    Optional<String> displayPhoneNumber,
    List<InboundContact> contacts,
    List<InboundMessage> messages,
    List<StatusUpdate> statuses,
    List<WebhookError> errors,
    List<InboundMessage> echoes,
    List<PreferenceUpdate> preferences,
    List<CallEvent> calls,
    List<Referral> referrals,
    List<CallPermission> permissions)
    implements WebhookChange {

  /** WhatsApp calls: connect, terminate and call statuses, routed by number like messages. */
  public static final String CALLS_FIELD = "calls";

  /**
   * One event of a call ({@code calls[]} or a {@code statuses[]} element of type {@code call}):
   * {@code event} is connect, terminate or the status (RINGING, ACCEPTED, REJECTED); {@code
   * direction} USER_INITIATED or BUSINESS_INITIATED; {@code status} of a terminate COMPLETED or
   * FAILED; {@code duration} in seconds.
   */
  public record CallEvent(
      String callId,
      ContactKey customer,
      String event,
      Optional<String> direction,
      Optional<String> status,
      Instant timestamp,
      Optional<Instant> startTime,
      Optional<Instant> endTime,
      Optional<Integer> duration) {
    public CallEvent {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /**
   * A message's {@code referral} (Click-to-WhatsApp ad or post): every field optional as Meta sends
   * it.
   */
  public record Referral(
      String wamid,
      ContactKey customer,
      Optional<String> sourceType,
      Optional<String> sourceId,
      Optional<String> sourceUrl,
      Optional<String> headline,
      Optional<String> body,
      Optional<String> mediaType,
      Optional<String> mediaUrl,
      Optional<String> thumbnailUrl,
      Optional<String> ctwaClid) {
    public Referral {
      Objects.requireNonNull(wamid, "wamid");
      Objects.requireNonNull(customer, "customer");
    }
  }

  /**
   * An interactive {@code call_permission_reply}: {@code response} accept or reject, permanent or
   * until {@code expiresAt}.
   */
  public record CallPermission(
      String wamid,
      ContactKey customer,
      String response,
      boolean permanent,
      Optional<Instant> expiresAt,
      Instant timestamp) {
    public CallPermission {
      Objects.requireNonNull(wamid, "wamid");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** A change with echoes and preferences, as in the first round of issue 20. */
  public MessagesChange(
      String wabaId,
      String phoneNumberId,
      Optional<String> displayPhoneNumber,
      List<InboundContact> contacts,
      List<InboundMessage> messages,
      List<StatusUpdate> statuses,
      List<WebhookError> errors,
      List<InboundMessage> echoes,
      List<PreferenceUpdate> preferences) {
    this(
        wabaId,
        phoneNumberId,
        displayPhoneNumber,
        contacts,
        messages,
        statuses,
        errors,
        echoes,
        preferences,
        List.of(),
        List.of(),
        List.of());
  }

  public static final String FIELD = "messages";

  /** Messages the business sent from the WhatsApp Business app on the same number. */
  public static final String ECHOES_FIELD = "smb_message_echoes";

  /** A customer stopped or resumed marketing messages in WhatsApp. */
  public static final String PREFERENCES_FIELD = "user_preferences";

  /**
   * One {@code user_preferences[]} element: {@code category} such as {@code marketing_messages},
   * {@code value} {@code stop} or {@code resume}.
   */
  public record PreferenceUpdate(
      ContactKey contact,
      String category,
      String value,
      Instant timestamp,
      Optional<String> detail) {
    public PreferenceUpdate {
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** A change of the {@code messages} field, as before issue 20. */
  public MessagesChange(
      String wabaId,
      String phoneNumberId,
      Optional<String> displayPhoneNumber,
      List<InboundContact> contacts,
      List<InboundMessage> messages,
      List<StatusUpdate> statuses,
      List<WebhookError> errors) {
    this(
        wabaId,
        phoneNumberId,
        displayPhoneNumber,
        contacts,
        messages,
        statuses,
        errors,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  public MessagesChange {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    contacts = List.copyOf(contacts);
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
    errors = List.copyOf(errors);
    echoes = List.copyOf(echoes);
    preferences = List.copyOf(preferences);
    calls = List.copyOf(calls);
    referrals = List.copyOf(referrals);
    permissions = List.copyOf(permissions);
  }

  @Override
  public String field() {
    if (!calls.isEmpty()) {
      return CALLS_FIELD;
    }
    if (!echoes.isEmpty()) {
      return ECHOES_FIELD;
    }
    return preferences.isEmpty() ? FIELD : PREFERENCES_FIELD;
  }

  public Optional<InboundContact> contact(ContactKey key) {
    return contacts.stream().filter(c -> c.key().equals(key)).findFirst();
  }
}
