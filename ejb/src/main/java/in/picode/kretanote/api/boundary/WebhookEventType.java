package in.picode.kretanote.api.boundary;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription can ask for, by their wire names. */
public enum WebhookEventType {
  MESSAGE_RECEIVED("message.received"),
  MESSAGE_STATUS_CHANGED("message.status_changed"),
  CONTACT_CREATED("contact.created"),
  CONTACT_UPDATED("contact.updated"),
  CONSENT_CHANGED("consent.changed"),
  CONVERSATION_CREATED("conversation.created"),
  CONVERSATION_ASSIGNED("conversation.assigned"),
  CONVERSATION_RESOLVED("conversation.resolved"),
  CAMPAIGN_FINISHED("campaign.finished"),
  CSAT_RECEIVED("csat.received"),
  AUTOMATION_FIRED("automation.fired");

  private final String wire;

  WebhookEventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<WebhookEventType> of(String wire) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
  }
}
