package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * Why KretaNote will not send a message, as a machine code for the API and the UI; {@link #reason}
 * is the sentence an agent reads in English; the web words {@link Refusal#wording} in theirs.
 */
public enum RefusalCode implements Wording.Code {
  TENANT_NOT_IN_GOOD_STANDING("Sending is paused for this account: {0}"),
  CONNECTION_NOT_CONNECTED(
      "This WhatsApp number is not connected ({0}). Reconnect it under Settings → WhatsApp."),
  CONNECTION_BLOCKED("Meta does not let this number send messages right now ({0})."),
  WINDOW_CLOSED(
      "The customer last wrote more than 24 hours ago. Outside the 24-hour window WhatsApp allows"
          + " only approved templates: send a template instead."),
  TEMPLATE_UNKNOWN(
      "There is no template named {0} for this number. Sync the templates or pick another."),
  TEMPLATE_NOT_APPROVED(
      "The template {0} is not approved by Meta (status {1}); it cannot be sent."),
  TEMPLATE_PARAMETERS("The template''s parameters do not fit: {0}"),
  CONTACT_OPTED_OUT("The customer opted out of {0} messages ({1})."),
  NO_CONSENT("The customer has not agreed to receive {0} messages."),
  MESSAGING_LIMIT_REACHED(
      "This business has reached its messaging limit of {0,number,#} customers in 24 hours outside the"
          + " service window. Wait, or reply to customers who write first."),
  CONVERSATION_NOT_FOUND("There is no such conversation."),
  INVALID_MESSAGE("The message cannot be sent as it is: {0}"),
  IDEMPOTENCY_CONFLICT(
      "This request id was already used for a different message; use a new request id."),
  UPLOADS_BUSY("Too many files are being sent right now: {0}. Send this file again in a minute."),
  NOTHING_TO_MARK("There is no customer message to mark as read."),
  AUTOMATION_OPT_OUT(
      "The customer objected to automated processing; campaigns and automations do not send to"
          + " them."),
  CAMPAIGN_CANCELLED("The campaign was cancelled before this message was sent.");

  private final String wording;

  RefusalCode(String wording) {
    this.wording = wording;
  }

  @Override
  public String pattern() {
    return wording;
  }

  /** The refusal with its details filled in. */
  public Refusal refuse(Object... details) {
    Wording w = with(details);
    return new Refusal(this, w.english(), w);
  }
}
