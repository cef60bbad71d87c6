package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds webhook payloads in Meta's shape: {@code {"object":"whatsapp_business_account",
 * "entry":[{"id":WABA,"changes":[{"field":...,"value":...}]}]}}. One envelope can carry several
 * entries, an entry several changes, a {@code messages} change several messages and statuses, as
 * Meta batches them.
 */
public final class WebhookPayloads {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookPayloads() {}

  /** A fresh message id in Meta's style ({@code wamid.} plus base64-like characters). */
  public static String newWamid() {
    byte[] bytes = new byte[36];
    RANDOM.nextBytes(bytes);
    String body = Base64.getEncoder().withoutPadding().encodeToString(bytes);
    return "wamid.HBgL" + body.replace('+', 'Q').replace('/', 'Z');
  }

  public static Envelope envelope() {
    return new Envelope();
  }

  /** An envelope of one entry with the given changes. */
  public static JsonObject single(String wabaId, JsonObject... changes) {
    return envelope().entry(wabaId, changes).build();
  }

  /** Several envelopes' entries in one envelope, as Meta batches deliveries. */
  public static JsonObject merge(JsonObject... envelopes) {
    JsonArrayBuilder entries = JSON.createArrayBuilder();
    for (JsonObject envelope : envelopes) {
      envelope.getJsonArray("entry").forEach(entries::add);
    }
    return JSON.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add("entry", entries)
        .build();
  }

  public static final class Envelope {
    private final JsonArrayBuilder entries = JSON.createArrayBuilder();

    public Envelope entry(String wabaId, JsonObject... changes) {
      JsonArrayBuilder changeArray = JSON.createArrayBuilder();
      for (JsonObject change : changes) {
        changeArray.add(change);
      }
      entries.add(JSON.createObjectBuilder().add("id", wabaId).add("changes", changeArray));
      return this;
    }

    public JsonObject build() {
      return JSON.createObjectBuilder()
          .add("object", "whatsapp_business_account")
          .add("entry", entries)
          .build();
    }
  }

  /** The value of a {@code messages} change: inbound messages with their contacts, statuses. */
  public static final class Messages {
    private final String phoneNumberId;
    private final String displayPhoneNumber;
    private final Map<String, Customer> contacts = new LinkedHashMap<>();
    private final List<Inbound> messages = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();

    public Messages(String phoneNumberId, String displayPhoneNumber) {
      this.phoneNumberId = phoneNumberId;
      this.displayPhoneNumber = displayPhoneNumber;
    }

    public Messages add(Inbound message) {
      contacts.putIfAbsent(message.from().identity(), message.from());
      messages.add(message);
      return this;
    }

    public Messages add(Status status) {
      statuses.add(status);
      return this;
    }

    public JsonObject value() {
      JsonObjectBuilder value =
          JSON.createObjectBuilder()
              .add("messaging_product", "whatsapp")
              .add(
                  "metadata",
                  JSON.createObjectBuilder()
                      .add("display_phone_number", displayPhoneNumber)
                      .add("phone_number_id", phoneNumberId));
      if (!messages.isEmpty()) {
        JsonArrayBuilder contactArray = JSON.createArrayBuilder();
        contacts.values().forEach(c -> contactArray.add(contactJson(c)));
        JsonArrayBuilder messageArray = JSON.createArrayBuilder();
        messages.forEach(m -> messageArray.add(m.toJson(displayPhoneNumber)));
        value.add("contacts", contactArray).add("messages", messageArray);
      }
      if (!statuses.isEmpty()) {
        JsonArrayBuilder statusArray = JSON.createArrayBuilder();
        statuses.forEach(s -> statusArray.add(s.toJson()));
        value.add("statuses", statusArray);
      }
      return value.build();
    }

    public JsonObject change() {
      return WebhookPayloads.change("messages", value());
    }
  }

  public static JsonObject change(String field, JsonObject value) {
    return JSON.createObjectBuilder().add("field", field).add("value", value).build();
  }

  /** {@code message_template_status_update}: APPROVED, REJECTED (with reason), PAUSED, ... */
  public static JsonObject templateStatusUpdate(
      String templateId, String name, String language, String event, String reason) {
    return change(
        "message_template_status_update",
        JSON.createObjectBuilder()
            .add("event", event)
            .add("message_template_id", Long.parseLong(templateId))
            .add("message_template_name", name)
            .add("message_template_language", language)
            .add("reason", reason == null ? "NONE" : reason)
            .build());
  }

  /** {@code phone_number_quality_update}: event FLAGGED, UNFLAGGED, UPGRADE or DOWNGRADE. */
  public static JsonObject phoneNumberQualityUpdate(
      String displayPhoneNumber, String event, String currentLimit) {
    return change(
        "phone_number_quality_update",
        JSON.createObjectBuilder()
            .add("display_phone_number", displayPhoneNumber)
            .add("event", event)
            .add("current_limit", currentLimit)
            .build());
  }

  /**
   * {@code account_update}, e.g. event {@code DISABLED_UPDATE} with {@code ban_info}, {@code
   * ACCOUNT_RESTRICTION} with {@code restriction_info}, {@code PARTNER_REMOVED}; {@code extra}
   * fields are copied into the value.
   */
  public static JsonObject accountUpdate(String phoneNumber, String event, JsonObject extra) {
    JsonObjectBuilder value = JSON.createObjectBuilder();
    if (phoneNumber != null) {
      value.add("phone_number", phoneNumber);
    }
    value.add("event", event);
    if (extra != null) {
      extra.forEach(value::add);
    }
    return change("account_update", value.build());
  }

  static JsonObject contactJson(Customer c) {
    JsonObjectBuilder profile = JSON.createObjectBuilder();
    if (c.name() != null) {
      profile.add("name", c.name());
    }
    if (c.username() != null) {
      profile.add("username", c.username());
    }
    JsonObjectBuilder contact = JSON.createObjectBuilder().add("profile", profile);
    if (c.waId() != null) {
      contact.add("wa_id", c.waId());
    }
    if (c.userId() != null) {
      contact.add("user_id", c.userId());
    }
    return contact.build();
  }

  /**
   * One inbound message. {@code content} is what Meta puts under the key named by {@code type} (an
   * object, or an array for {@code contacts}); null for types without one.
   */
  public record Inbound(
      Customer from,
      String id,
      long timestamp,
      String type,
      JsonValue content,
      String contextId,
      JsonArray errors) {

    public static Inbound text(Customer from, String body) {
      return of(from, "text", JSON.createObjectBuilder().add("body", body).build());
    }

    public static Inbound image(
        Customer from, String mediaId, String mimeType, String sha256, String caption) {
      return of(
          from, "image", media(mediaId, mimeType, sha256).add("caption", orEmpty(caption)).build());
    }

    public static Inbound video(
        Customer from, String mediaId, String mimeType, String sha256, String caption) {
      return of(
          from, "video", media(mediaId, mimeType, sha256).add("caption", orEmpty(caption)).build());
    }

    public static Inbound audio(
        Customer from, String mediaId, String mimeType, String sha256, boolean voice) {
      return of(from, "audio", media(mediaId, mimeType, sha256).add("voice", voice).build());
    }

    public static Inbound document(
        Customer from,
        String mediaId,
        String mimeType,
        String sha256,
        String filename,
        String caption) {
      return of(
          from,
          "document",
          media(mediaId, mimeType, sha256)
              .add("filename", filename)
              .add("caption", orEmpty(caption))
              .build());
    }

    public static Inbound sticker(Customer from, String mediaId, String sha256, boolean animated) {
      return of(
          from, "sticker", media(mediaId, "image/webp", sha256).add("animated", animated).build());
    }

    public static Inbound location(
        Customer from, double latitude, double longitude, String name, String address) {
      JsonObjectBuilder location =
          JSON.createObjectBuilder().add("latitude", latitude).add("longitude", longitude);
      if (name != null) {
        location.add("name", name);
      }
      if (address != null) {
        location.add("address", address);
      }
      return of(from, "location", location.build());
    }

    /** A shared contact card with one phone number. */
    public static Inbound contacts(Customer from, String formattedName, String phone, String waId) {
      JsonObjectBuilder phoneJson =
          JSON.createObjectBuilder().add("phone", phone).add("type", "CELL");
      if (waId != null) {
        phoneJson.add("wa_id", waId);
      }
      JsonArray cards =
          JSON.createArrayBuilder()
              .add(
                  JSON.createObjectBuilder()
                      .add(
                          "name",
                          JSON.createObjectBuilder()
                              .add("formatted_name", formattedName)
                              .add("first_name", formattedName.split(" ")[0]))
                      .add("phones", JSON.createArrayBuilder().add(phoneJson)))
              .build();
      return of(from, "contacts", cards);
    }

    public static Inbound buttonReply(Customer from, String buttonId, String title) {
      return interactive(
          from,
          "button_reply",
          JSON.createObjectBuilder().add("id", buttonId).add("title", title).build());
    }

    public static Inbound listReply(Customer from, String rowId, String title, String description) {
      JsonObjectBuilder reply = JSON.createObjectBuilder().add("id", rowId).add("title", title);
      if (description != null) {
        reply.add("description", description);
      }
      return interactive(from, "list_reply", reply.build());
    }

    /** A WhatsApp Flow completion; {@code responseJson} is a JSON string, as Meta sends it. */
    public static Inbound flowReply(Customer from, String responseJson) {
      return interactive(
          from,
          "nfm_reply",
          JSON.createObjectBuilder()
              .add("response_json", responseJson)
              .add("body", "Sent")
              .add("name", "flow")
              .build());
    }

    /** A quick-reply button of a template; usually with {@link #replyTo} the template's wamid. */
    public static Inbound button(Customer from, String payload, String text) {
      return of(
          from,
          "button",
          JSON.createObjectBuilder().add("payload", payload).add("text", text).build());
    }

    public static Inbound reaction(Customer from, String messageId, String emoji) {
      return of(
          from,
          "reaction",
          JSON.createObjectBuilder().add("message_id", messageId).add("emoji", emoji).build());
    }

    public static Inbound order(
        Customer from,
        String catalogId,
        String productRetailerId,
        int quantity,
        double itemPrice,
        String currency) {
      return of(
          from,
          "order",
          JSON.createObjectBuilder()
              .add("catalog_id", catalogId)
              .add("text", "")
              .add(
                  "product_items",
                  JSON.createArrayBuilder()
                      .add(
                          JSON.createObjectBuilder()
                              .add("product_retailer_id", productRetailerId)
                              .add("quantity", quantity)
                              .add("item_price", itemPrice)
                              .add("currency", currency)))
              .build());
    }

    /** The user changed their number: {@code newWaId} is the new number. */
    public static Inbound userChangedNumber(Customer from, String newWaId) {
      return of(
          from,
          "system",
          JSON.createObjectBuilder()
              .add(
                  "body",
                  (from.name() == null ? "User" : from.name())
                      + " changed their phone number from "
                      + from.waId()
                      + " to "
                      + newWaId)
              .add("wa_id", newWaId)
              .add("type", "user_changed_number")
              .build());
    }

    public static Inbound requestWelcome(Customer from) {
      return of(from, "request_welcome", null);
    }

    public static Inbound unsupported(Customer from) {
      JsonArray errors =
          JSON.createArrayBuilder()
              .add(
                  JSON.createObjectBuilder()
                      .add("code", 131051)
                      .add("title", "Message type unknown")
                      .add("message", "Message type unknown")
                      .add(
                          "error_data",
                          JSON.createObjectBuilder()
                              .add("details", "Message type is currently not supported.")))
              .build();
      return new Inbound(
          from, newWamid(), Instant.now().getEpochSecond(), "unsupported", null, null, errors);
    }

    /** Any other type, for shapes Meta adds later. */
    public static Inbound of(Customer from, String type, JsonValue content) {
      return new Inbound(
          from, newWamid(), Instant.now().getEpochSecond(), type, content, null, null);
    }

    public Inbound replyTo(String wamid) {
      return new Inbound(from, id, timestamp, type, content, wamid, errors);
    }

    public Inbound withId(String wamid) {
      return new Inbound(from, wamid, timestamp, type, content, contextId, errors);
    }

    public Inbound at(Instant time) {
      return new Inbound(from, id, time.getEpochSecond(), type, content, contextId, errors);
    }

    JsonObject toJson(String businessDisplayNumber) {
      JsonObjectBuilder message = JSON.createObjectBuilder();
      if (from.waId() != null) {
        message.add("from", from.waId());
      }
      if (from.userId() != null) {
        message.add("from_user_id", from.userId());
      }
      message.add("id", id).add("timestamp", Long.toString(timestamp)).add("type", type);
      if (content != null) {
        message.add(type, content);
      }
      if (contextId != null) {
        message.add(
            "context",
            JSON.createObjectBuilder().add("from", businessDisplayNumber).add("id", contextId));
      }
      if (errors != null) {
        message.add("errors", errors);
      }
      return message.build();
    }

    private static Inbound interactive(Customer from, String kind, JsonObject reply) {
      return of(
          from,
          "interactive",
          JSON.createObjectBuilder().add("type", kind).add(kind, reply).build());
    }

    private static JsonObjectBuilder media(String mediaId, String mimeType, String sha256) {
      return JSON.createObjectBuilder()
          .add("mime_type", mimeType)
          .add("sha256", sha256)
          .add("id", mediaId);
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  /**
   * One status of an outbound message: {@code sent}, {@code delivered}, {@code read} (with pricing)
   * or {@code failed} (with errors).
   */
  public record Status(
      String messageId,
      String status,
      Customer recipient,
      long timestamp,
      String pricingCategory,
      String pricingType,
      Integer errorCode,
      String errorDetails,
      String bizOpaqueCallbackData) {

    /** Pricing category marketing, utility, authentication or service; type e.g. regular. */
    public static Status of(
        String messageId, String status, Customer recipient, String category, String pricingType) {
      return new Status(
          messageId,
          status,
          recipient,
          Instant.now().getEpochSecond(),
          category,
          pricingType,
          null,
          null,
          null);
    }

    public static Status sent(String messageId, Customer recipient) {
      return of(messageId, "sent", recipient, "service", "free_customer_service");
    }

    public static Status delivered(String messageId, Customer recipient) {
      return of(messageId, "delivered", recipient, "service", "free_customer_service");
    }

    public static Status read(String messageId, Customer recipient) {
      return of(messageId, "read", recipient, "service", "free_customer_service");
    }

    public static Status failed(String messageId, Customer recipient, int code) {
      return new Status(
          messageId,
          "failed",
          recipient,
          Instant.now().getEpochSecond(),
          null,
          null,
          code,
          null,
          null);
    }

    public Status pricing(String category, String pricingType) {
      return new Status(
          messageId,
          status,
          recipient,
          timestamp,
          category,
          pricingType,
          errorCode,
          errorDetails,
          bizOpaqueCallbackData);
    }

    public Status at(Instant time) {
      return new Status(
          messageId,
          status,
          recipient,
          time.getEpochSecond(),
          pricingCategory,
          pricingType,
          errorCode,
          errorDetails,
          bizOpaqueCallbackData);
    }

    public Status errorDetails(String details) {
      return new Status(
          messageId,
          status,
          recipient,
          timestamp,
          pricingCategory,
          pricingType,
          errorCode,
          details,
          bizOpaqueCallbackData);
    }

    public Status bizOpaqueCallbackData(String data) {
      return new Status(
          messageId,
          status,
          recipient,
          timestamp,
          pricingCategory,
          pricingType,
          errorCode,
          errorDetails,
          data);
    }

    JsonObject toJson() {
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("id", messageId)
              .add("status", status)
              .add("timestamp", Long.toString(timestamp));
      if (recipient.waId() != null) {
        json.add("recipient_id", recipient.waId());
      }
      if (recipient.userId() != null) {
        json.add("recipient_user_id", recipient.userId());
      }
      if (bizOpaqueCallbackData != null) {
        json.add("biz_opaque_callback_data", bizOpaqueCallbackData);
      }
      if (pricingCategory != null) {
        json.add(
            "pricing",
            JSON.createObjectBuilder()
                .add("pricing_model", "PMP")
                .add("category", pricingCategory)
                .add("type", pricingType));
      }
      if (errorCode != null) {
        String title = GraphError.title(errorCode);
        json.add(
            "errors",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("code", errorCode)
                        .add("title", title)
                        .add("message", title)
                        .add(
                            "error_data",
                            JSON.createObjectBuilder()
                                .add(
                                    "details",
                                    errorDetails != null
                                        ? errorDetails
                                        : GraphError.defaultDetails(errorCode)))
                        .add(
                            "href",
                            "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")));
      }
      return json.build();
    }
  }
}
