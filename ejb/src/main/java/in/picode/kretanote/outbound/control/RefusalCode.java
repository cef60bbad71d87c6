package in.picode.kretanote.outbound.control;

/**
 * Why KretaNote will not send a message, as a machine code for the API and the UI; {@link #reason}
 * is the sentence an agent reads.
 */
public enum RefusalCode {
  TENANT_NOT_IN_GOOD_STANDING("Sending is paused for this account: %s"),
  CONNECTION_NOT_CONNECTED(
      "This WhatsApp number is not connected (%s). Reconnect it under Settings → WhatsApp."),
  CONNECTION_BLOCKED("Meta does not let this number send messages right now (%s)."),
  WINDOW_CLOSED(
      "The customer last wrote more than 24 hours ago. Outside the 24-hour window WhatsApp allows"
          + " only approved templates: send a template instead."),
  TEMPLATE_UNKNOWN(
      "There is no template named %s for this number. Sync the templates or pick another."),
  TEMPLATE_NOT_APPROVED("The template %s is not approved by Meta (status %s); it cannot be sent."),
  TEMPLATE_PARAMETERS("The template's parameters do not fit: %s"),
  CONTACT_OPTED_OUT("The customer opted out of %s messages (%s)."),
  NO_CONSENT("The customer has not agreed to receive %s messages."),
  MESSAGING_LIMIT_REACHED(
      "This business has reached its messaging limit of %s customers in 24 hours outside the"
          + " service window. Wait, or reply to customers who write first."),
  CONVERSATION_NOT_FOUND("There is no such conversation."),
  INVALID_MESSAGE("The message cannot be sent as it is: %s"),
  IDEMPOTENCY_CONFLICT(
      "This request id was already used for a different message; use a new request id."),
  UPLOADS_BUSY("Too many files are being sent right now: %s. Send this file again in a minute."),
  NOTHING_TO_MARK("There is no customer message to mark as read."),
  AUTOMATION_OPT_OUT(
      "The customer objected to automated processing; campaigns and automations do not send to"
          + " them."),
  CAMPAIGN_CANCELLED("The campaign was cancelled before this message was sent.");

  private final String wording;

  RefusalCode(String wording) {
    this.wording = wording;
  }

  /** The reason with its details filled in. */
  public Refusal refuse(Object... details) {
    String reason = details.length == 0 ? wording.replace("%s", "").strip() : wording;
    try {
      reason = details.length == 0 ? reason : String.format(wording, details);
    } catch (java.util.IllegalFormatException e) {
      reason = wording;
    }
    return new Refusal(this, reason);
  }
}
