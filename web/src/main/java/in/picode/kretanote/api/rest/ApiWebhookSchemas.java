package in.picode.kretanote.api.rest;

import static in.picode.kretanote.api.rest.ApiCampaignSchemas.DATE_TIME;
import static in.picode.kretanote.api.rest.ApiSchemas.INT64;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shapes of {@link WebhooksResource}, of a contact's consents and of the conversation changes, for
 * the OpenAPI document only, next to {@link ApiSchemas}. Field names are the wire names.
 */
@SuppressWarnings({"unused", "checkstyle:MemberName"})
final class ApiWebhookSchemas {

  private static final String EVENTS =
      "message.received, message.status_changed, contact.created, contact.updated,"
          + " consent.changed, conversation.created, conversation.assigned,"
          + " conversation.resolved, campaign.finished, csat.received, automation.fired";

  private ApiWebhookSchemas() {}

  @Schema(name = "WebhookInput", description = "A URL subscribed to event types")
  static final class WebhookInput {
    @Schema(
        required = true,
        description = "HTTPS, at most 2000 characters, not a private address",
        example = "https://hooks.shop.example/kretanote")
    public String url;

    @Schema(
        required = true,
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "1 to 20 of: " + EVENTS,
        example = "[\"message.received\", \"contact.created\"]")
    public List<String> events;
  }

  @Schema(name = "WebhookSubscription", description = "A webhook subscription")
  static final class WebhookSubscription {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "9")
    public long id;

    @Schema(required = true, example = "https://hooks.shop.example/kretanote")
    public String url;

    @Schema(
        required = true,
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "Event types: " + EVENTS,
        example = "[\"message.received\"]")
    public List<String> events;

    @Schema(
        required = true,
        enumeration = {"ACTIVE", "DISABLED"},
        example = "ACTIVE")
    public String state;

    @Schema(
        required = true,
        nullable = true,
        format = DATE_TIME,
        description = "Since when deliveries fail")
    public String failing_since;

    @Schema(required = true, nullable = true, description = "Why it was disabled")
    public String disabled_reason;

    @Schema(required = true, nullable = true, format = DATE_TIME, example = "2026-12-06T08:00:00Z")
    public String created_at;

    @Schema(description = "The signing secret: in the answer of the creation only")
    public String secret;
  }

  @Schema(name = "WebhookList", description = "The business's subscriptions")
  static final class WebhookList {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = WebhookSubscription.class)
    public List<WebhookSubscription> data;
  }

  @Schema(name = "WebhookDelivery", description = "One event sent (or to send) to a subscription")
  static final class WebhookDelivery {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "501")
    public long id;

    @Schema(required = true, description = "The event's id, the same on every attempt")
    public String event_id;

    @Schema(required = true, example = "message.received")
    public String event_type;

    @Schema(
        required = true,
        enumeration = {"PENDING", "DELIVERED", "FAILED"},
        example = "DELIVERED")
    public String state;

    @Schema(required = true, example = "1")
    public int attempts;

    @Schema(required = true, nullable = true, format = DATE_TIME, example = "2026-12-06T08:00:00Z")
    public String created_at;

    @Schema(required = true, nullable = true, format = DATE_TIME)
    public String last_attempt_at;

    @Schema(required = true, nullable = true, format = DATE_TIME)
    public String next_attempt_at;

    @Schema(
        required = true,
        nullable = true,
        description = "The receiver's HTTP status of the last attempt",
        example = "200")
    public Integer response_status;

    @Schema(description = "The last attempt's latency in milliseconds, once attempted")
    public Integer latency_ms;

    @Schema(required = true, nullable = true, description = "Why the last attempt failed")
    public String error;

    @Schema(required = true, nullable = true, description = "The start of the receiver's answer")
    public String response_excerpt;
  }

  @Schema(name = "WebhookDeliveryPage", description = "A page of the delivery log, newest first")
  static final class WebhookDeliveryPage {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = WebhookDelivery.class)
    public List<WebhookDelivery> data;

    @Schema(required = true, nullable = true, description = "Null on the last page")
    public String next_cursor;
  }

  @Schema(name = "ConsentState", description = "Per category: true, false, or null (never asked)")
  static final class ConsentState {
    @Schema(required = true, nullable = true)
    public Boolean service;

    @Schema(required = true, nullable = true, example = "true")
    public Boolean marketing;

    @Schema(required = true, nullable = true)
    public Boolean utility;

    @Schema(required = true, nullable = true)
    public Boolean authentication;
  }

  @Schema(name = "ConsentEvent", description = "A consent change in the ledger")
  static final class ConsentEvent {
    @Schema(
        required = true,
        enumeration = {"service", "marketing", "utility", "authentication"},
        example = "marketing")
    public String category;

    @Schema(required = true, example = "true")
    public boolean granted;

    @Schema(
        required = true,
        enumeration = {"KEYWORD", "META_131050", "AGENT", "API", "META_USER_PREFERENCE"},
        example = "API")
    public String source;

    @Schema(required = true, format = DATE_TIME, example = "2026-12-06T08:00:00Z")
    public String at;

    @Schema(description = "Who made the change, if known", example = "API key shop")
    public String actor;

    @Schema(description = "Where the consent comes from, if recorded")
    public String evidence;
  }

  @Schema(name = "Consents", description = "A contact's consent now and every change")
  static final class Consents {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "42")
    public long contact_id;

    @Schema(required = true)
    public ConsentState current;

    @Schema(required = true, type = SchemaType.ARRAY, implementation = ConsentEvent.class)
    public List<ConsentEvent> ledger;
  }

  @Schema(name = "ConsentInput", description = "A consent change and its evidence")
  static final class ConsentInput {
    @Schema(
        required = true,
        enumeration = {"service", "marketing", "utility", "authentication"},
        example = "marketing")
    public String category;

    @Schema(required = true, example = "true")
    public boolean granted;

    @Schema(
        required = true,
        description = "Where the consent comes from; at most 500 characters, not blank",
        example = "Checkout form, box ticked, order 4711")
    public String evidence;
  }

  @Schema(name = "ConsentChange", description = "The change recorded")
  static final class ConsentChange {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "42")
    public long contact_id;

    @Schema(
        required = true,
        enumeration = {"service", "marketing", "utility", "authentication"},
        example = "marketing")
    public String category;

    @Schema(required = true, example = "true")
    public boolean granted;

    @Schema(required = true, description = "False when the consent already was so")
    public boolean changed;
  }

  @Schema(name = "AssignInput", description = "A team member, or null to unassign")
  static final class AssignInput {
    @Schema(
        required = true,
        nullable = true,
        type = SchemaType.INTEGER,
        format = INT64,
        example = "3")
    public Long user_id;
  }

  @Schema(name = "SnoozeInput")
  static final class SnoozeInput {
    @Schema(
        required = true,
        format = DATE_TIME,
        description = "ISO-8601 UTC",
        example = "2026-12-24T08:00:00Z")
    public String until;
  }

  @Schema(name = "NoteList", description = "The conversation's notes, oldest first")
  static final class NoteList {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiSchemas.Note.class)
    public List<ApiSchemas.Note> data;
  }
}
