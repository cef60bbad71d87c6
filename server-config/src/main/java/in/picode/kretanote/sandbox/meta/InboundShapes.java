package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/**
 * Issue 20's inbound shapes the simulator emits, as Meta's webhook references describe them
 * (developers.facebook.com, WhatsApp Cloud API webhooks reference): the {@code calls} field
 * (connect, terminate with status and duration, call statuses), interactive {@code
 * call_permission_reply} messages, messages with a Click-to-WhatsApp {@code referral}, {@code
 * system} messages ({@code user_changed_number}, {@code customer_identity_changed}) and the
 * template fields {@code message_template_quality_update}, {@code template_category_update} and
 * {@code message_template_components_update}. Values are the {@code value} objects of a change; the
 * simulator adds {@code messaging_product} and {@code metadata} for number fields.
 */
final class InboundShapes {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private InboundShapes() {}

  static JsonObjectBuilder contacts(JsonObjectBuilder value, String waId, String name) {
    return value.add(
        "contacts",
        JSON.createArrayBuilder()
            .add(
                JSON.createObjectBuilder()
                    .add(
                        "profile",
                        JSON.createObjectBuilder().add("name", name == null ? "Customer" : name))
                    .add("wa_id", waId)));
  }

  /**
   * A {@code calls[]} event. {@code event} connect or terminate; {@code direction} USER_INITIATED
   * (the customer called) or BUSINESS_INITIATED; a terminate carries {@code status} (COMPLETED or
   * FAILED), {@code start_time}, {@code end_time} and {@code duration}.
   */
  static JsonObjectBuilder call(
      String callId,
      String event,
      String direction,
      String customer,
      String business,
      Instant at,
      String status,
      Integer duration) {
    boolean fromCustomer = !"BUSINESS_INITIATED".equals(direction);
    JsonObjectBuilder c =
        JSON.createObjectBuilder()
            .add("id", callId)
            .add("from", fromCustomer ? customer : business)
            .add("to", fromCustomer ? business : customer)
            .add("event", event)
            .add("timestamp", Long.toString(at.getEpochSecond()))
            .add("direction", direction);
    if ("connect".equals(event)) {
      c.add("session", JSON.createObjectBuilder().add("sdp_type", "offer").add("sdp", "v=0"));
    }
    if ("terminate".equals(event)) {
      int seconds = duration == null ? 0 : duration;
      c.add("status", status == null ? (seconds > 0 ? "COMPLETED" : "FAILED") : status);
      if (seconds > 0) {
        c.add("start_time", Long.toString(at.getEpochSecond() - seconds))
            .add("end_time", Long.toString(at.getEpochSecond()))
            .add("duration", seconds);
      }
    }
    return c;
  }

  /** A call status of a business-initiated call: RINGING, ACCEPTED or REJECTED. */
  static JsonObjectBuilder callStatus(String callId, String status, String customer, Instant at) {
    return JSON.createObjectBuilder()
        .add("id", callId)
        .add("timestamp", Long.toString(at.getEpochSecond()))
        .add("type", "call")
        .add("status", status)
        .add("recipient_id", customer);
  }

  static JsonObjectBuilder callsValue(
      String waId, String name, JsonObjectBuilder callOrStatus, boolean status) {
    JsonObjectBuilder value = JSON.createObjectBuilder();
    if (!status) {
      contacts(value, waId, name);
    }
    return value.add(status ? "statuses" : "calls", JSON.createArrayBuilder().add(callOrStatus));
  }

  /** An interactive {@code call_permission_reply} message (accept/reject). */
  static JsonObjectBuilder permissionReply(
      String waId, String wamid, Instant at, String response, boolean permanent, Long expires) {
    JsonObjectBuilder reply =
        JSON.createObjectBuilder()
            .add("response", response)
            .add("is_permanent", permanent)
            .add("response_source", "user_action");
    if (expires != null && !permanent) {
      reply.add("expiration_timestamp", expires);
    }
    return message(waId, wamid, at, "interactive")
        .add(
            "interactive",
            JSON.createObjectBuilder()
                .add("type", "call_permission_reply")
                .add("call_permission_reply", reply));
  }

  /** A text message carrying a {@code referral} built from the control call's fields. */
  static JsonObjectBuilder referred(
      String waId, String wamid, Instant at, String text, JsonObject r) {
    JsonObjectBuilder referral = JSON.createObjectBuilder();
    for (String key :
        new String[] {
          "source_url",
          "source_id",
          "source_type",
          "headline",
          "body",
          "media_type",
          "image_url",
          "video_url",
          "thumbnail_url",
          "ctwa_clid"
        }) {
      if (r.containsKey(key) && !r.isNull(key)) {
        referral.add(key, r.getString(key));
      }
    }
    return message(waId, wamid, at, "text")
        .add("text", JSON.createObjectBuilder().add("body", text))
        .add("referral", referral);
  }

  /**
   * A {@code system} message: {@code user_changed_number} ({@code wa_id} the new number) or {@code
   * customer_identity_changed} ({@code identity} a hash).
   */
  static JsonObjectBuilder system(
      String waId, String wamid, Instant at, String type, String newWaId, String name) {
    JsonObjectBuilder system = JSON.createObjectBuilder().add("type", type);
    if ("user_changed_number".equals(type)) {
      system
          .add(
              "body",
              "User " + (name == null ? "" : name) + " changed from " + waId + " to " + newWaId)
          .add("wa_id", newWaId);
    } else {
      system
          .add("body", "User " + (name == null ? waId : name) + "'s security code changed.")
          .add("identity", Integer.toHexString((waId + at).hashCode()))
          .add("customer", waId);
    }
    return message(waId, wamid, at, "system").add("system", system);
  }

  static JsonObjectBuilder messagesValue(
      String waId, String name, JsonObjectBuilder message, boolean withContacts) {
    JsonObjectBuilder value = JSON.createObjectBuilder();
    if (withContacts) {
      contacts(value, waId, name);
    }
    JsonArrayBuilder messages = JSON.createArrayBuilder().add(message);
    return value.add("messages", messages);
  }

  private static JsonObjectBuilder message(String waId, String wamid, Instant at, String type) {
    return JSON.createObjectBuilder()
        .add("from", waId)
        .add("id", wamid)
        .add("timestamp", Long.toString(at.getEpochSecond()))
        .add("type", type);
  }

  /**
   * A template field's value: {@code kind} quality ({@code new_quality_score}, {@code
   * previous_quality_score}), category ({@code new_category}, {@code previous_category} or {@code
   * correct_category}) or components ({@code message_template_element}, {@code _title}, {@code
   * _footer}, {@code _buttons}); the rest of {@code b} is copied as given.
   */
  static JsonObject templateUpdate(String templateId, JsonObject b) {
    JsonObjectBuilder v = JSON.createObjectBuilder();
    if (templateId != null) {
      v.add("message_template_id", Long.parseLong(templateId));
    }
    b.forEach(
        (k, value) -> {
          if (!k.equals("kind")) {
            v.add(k, value);
          }
        });
    return v.build();
  }

  static String field(String kind) {
    return switch (kind) {
      case "quality" -> "message_template_quality_update";
      case "category" -> "template_category_update";
      case "components" -> "message_template_components_update";
      default ->
          throw new IllegalArgumentException(
              "kind must be quality, category or components, is " + kind);
    };
  }
}
