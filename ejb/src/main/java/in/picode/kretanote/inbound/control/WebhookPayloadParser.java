package in.picode.kretanote.inbound.control;

import in.picode.kretanote.inbound.control.MessageContent.InteractiveReply;
import in.picode.kretanote.messaging.entity.DeliveryStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the body of a signature-checked webhook POST into {@link ParsedWebhook}.
 *
 * <p><b>Rejection policy.</b> Meta delivers a webhook until we answer 2xx and never sends a
 * corrected version, so refusing a whole POST because one element is odd would lose its good
 * messages for good, or have Meta retry a body that will never parse for seven days. Hence two
 * levels:
 *
 * <ul>
 *   <li>The envelope must hold: strict UTF-8, JSON, an object with {@code "object":
 *       "whatsapp_business_account"} and an {@code entry} array, nesting and number literals within
 *       {@link BoundedJsonReader}'s limits. Otherwise {@link MalformedWebhookException}: the body
 *       is not a WhatsApp webhook at all and nothing of it is used.
 *   <li>Below that, every element is read on its own: an entry, a change, a contact, a message, a
 *       status, a value-level error. One that does not have the shape Meta documents (a message
 *       without {@code id}, a status without {@code status}, a timestamp out of range, a string
 *       where an object belongs) becomes a {@link Rejection} with its path, the reason and its raw
 *       JSON, and the others are returned as usual. The caller stores the rejections, answers 200,
 *       and can replay them once the parser knows the new shape.
 * </ul>
 *
 * <p>What is <em>not</em> a rejection: an unknown message type (kept as {@link MessageType#UNKNOWN}
 * with its JSON), an unknown status ({@link DeliveryStatus#UNKNOWN}), an unknown change field
 * ({@link OtherChange}), unknown keys anywhere (ignored), JSON {@code null} for an optional key
 * (treated as absent). Strings have lone UTF-16 surrogates replaced by U+FFFD, as an escaped half
 * of an emoji on its own is valid JSON but cannot be stored as UTF-8.
 *
 * <p>A message's sender is resolved to one {@link ContactKey}: its {@code from_user_id} if given;
 * else the key of the contact whose {@code wa_id} equals {@code from} (which is that contact's user
 * id when it has one, so a user is one contact however Meta addresses them); else {@code from};
 * else, when the change lists exactly one contact, that contact, who can only be the sender.
 *
 * <p>Duplicates are kept: the same wamid twice in one POST, or again in a later one, is for the
 * caller to drop. Of duplicate keys in one JSON object the last wins. The whole tree is held in
 * memory, so the caller caps the body size before parsing (Meta's stay around 3 MB at most).
 *
 * <p>Stateless and thread-safe. Reasons never quote values from the body, so they can be logged.
 */
public final class WebhookPayloadParser {

  public static final String OBJECT = "whatsapp_business_account";

  private static final BigDecimal MAX_EPOCH_SECOND = BigDecimal.valueOf(253_402_300_799L);
  private static final int MAX_QUANTITY = 1_000_000;

  public ParsedWebhook parse(byte[] body) throws MalformedWebhookException {
    Objects.requireNonNull(body, "body");
    JsonObject root = BoundedJsonReader.readObject(body);
    JsonValue object = root.get("object");
    if (object == null) {
      throw new MalformedWebhookException("object", "missing");
    }
    if (!(object instanceof JsonString name) || !OBJECT.equals(name.getString())) {
      throw new MalformedWebhookException("object", "expected \"" + OBJECT + "\"");
    }
    JsonValue entries = root.get("entry");
    if (entries == null) {
      throw new MalformedWebhookException("entry", "missing");
    }
    if (!(entries instanceof JsonArray array)) {
      throw new MalformedWebhookException("entry", "must be an array, found " + kind(entries));
    }
    Result result = new Result();
    for (int i = 0; i < array.size(); i++) {
      String path = "entry[" + i + "]";
      JsonValue entry = array.get(i);
      if (entry instanceof JsonObject json) {
        entry(json, path, result);
      } else {
        result.reject(path, "must be an object, found " + kind(entry), entry);
      }
    }
    return new ParsedWebhook(result.changes, result.rejections);
  }

  private static void entry(JsonObject json, String path, Result result) {
    String wabaId;
    JsonArray changes;
    try {
      Fields entry = new Fields(json);
      wabaId = entry.requiredId("id");
      changes = entry.array("changes").orElseThrow(() -> new Reject("missing \"changes\""));
    } catch (Reject e) {
      result.reject(path, e.getMessage(), json);
      return;
    }
    for (int j = 0; j < changes.size(); j++) {
      String changePath = path + ".changes[" + j + "]";
      JsonValue change = changes.get(j);
      if (!(change instanceof JsonObject changeJson)) {
        result.reject(changePath, "must be an object, found " + kind(change), change);
        continue;
      }
      try {
        change(wabaId, changeJson, changePath, result);
      } catch (Reject e) {
        result.reject(changePath, e.getMessage(), changeJson);
      }
    }
  }

  private static void change(String wabaId, JsonObject json, String path, Result result)
      throws Reject {
    Fields change = new Fields(json);
    String field = change.requiredId("field");
    JsonValue value = json.get("value");
    if (value == null || value == JsonValue.NULL) {
      throw new Reject("missing \"value\"");
    }
    if (MessagesChange.FIELD.equals(field)
        || MessagesChange.ECHOES_FIELD.equals(field)
        || MessagesChange.PREFERENCES_FIELD.equals(field)
        || MessagesChange.CALLS_FIELD.equals(field)) {
      if (!(value instanceof JsonObject valueJson)) {
        throw new Reject("\"value\" must be an object, found " + kind(value));
      }
      result.changes.add(
          messages(
              wabaId,
              valueJson,
              path + ".value",
              result,
              MessagesChange.CALLS_FIELD.equals(field)));
    } else {
      result.changes.add(
          new OtherChange(
              wabaId,
              field,
              raw(value),
              templateStatus(field, value),
              qualityUpdate(field, value)));
    }
  }

  private static MessagesChange messages(
      String wabaId, JsonObject json, String path, Result result, boolean calls) throws Reject {
    Fields value = new Fields(json);
    Fields metadata = value.requiredObject("metadata");
    String phoneNumberId = metadata.requiredId("phone_number_id");
    Optional<String> displayNumber = metadata.string("display_phone_number");

    List<InboundContact> contacts =
        items(value, "contacts", path, result, WebhookPayloadParser::contact);
    List<InboundMessage> messages =
        items(value, "messages", path, result, message -> message(message, contacts));
    // A calls change's statuses are the calls' (type "call", id a wacid), not messages'.
    List<StatusUpdate> statuses =
        calls ? List.of() : items(value, "statuses", path, result, WebhookPayloadParser::status);
    List<MessagesChange.CallEvent> callEvents = new ArrayList<>();
    if (calls) {
      callEvents.addAll(items(value, "calls", path, result, c -> call(c, contacts)));
      callEvents.addAll(items(value, "statuses", path, result, c -> callStatus(c, contacts)));
    }
    List<MessagesChange.Referral> referrals = new ArrayList<>();
    List<MessagesChange.CallPermission> permissions = new ArrayList<>();
    messageExtras(value, contacts, path, result, referrals, permissions);
    List<WebhookError> errors = items(value, "errors", path, result, WebhookPayloadParser::error);
    List<InboundMessage> echoes =
        items(value, "message_echoes", path, result, echo -> echo(echo, contacts));
    List<MessagesChange.PreferenceUpdate> preferences =
        items(value, "user_preferences", path, result, p -> preference(p, contacts));
    return new MessagesChange(
        wabaId,
        phoneNumberId,
        displayNumber,
        contacts,
        messages,
        statuses,
        errors,
        echoes,
        preferences,
        callEvents,
        referrals,
        permissions);
  }

  /**
   * A {@code calls[]} element (Meta's calls webhook reference: {@code id} the wacid, {@code event}
   * connect or terminate, {@code direction} USER_INITIATED or BUSINESS_INITIATED, {@code from},
   * {@code to}, {@code timestamp}; a terminate adds {@code status}, {@code start_time}, {@code
   * end_time}, {@code duration}). The customer is {@code from} of a call they made, {@code to} of
   * one the business made.
   */
  private static MessagesChange.CallEvent call(Fields call, List<InboundContact> contacts)
      throws Reject {
    String id = call.requiredId("id");
    if (id.length() > 128) {
      throw new Reject("\"id\" is longer than 128 characters");
    }
    Optional<String> direction = call.string("direction");
    boolean business = direction.map(d -> d.equalsIgnoreCase("BUSINESS_INITIATED")).orElse(false);
    ContactKey customer =
        business
            ? sender(call.identity("to"), call.identity("to_user_id"), contacts)
            : sender(call.identity("from"), call.identity("from_user_id"), contacts);
    return new MessagesChange.CallEvent(
        id,
        customer,
        call.requiredId("event"),
        direction,
        call.string("status"),
        call.timestamp("timestamp"),
        call.optionalTimestamp("start_time"),
        call.optionalTimestamp("end_time"),
        call.integer("duration", 0, 31_536_000).stream().boxed().findFirst());
  }

  /**
   * A calls change's {@code statuses[]} element: {@code type} call, {@code id} the wacid of a call
   * the business made, {@code status} RINGING, ACCEPTED or REJECTED, {@code recipient_id}.
   */
  private static MessagesChange.CallEvent callStatus(Fields status, List<InboundContact> contacts)
      throws Reject {
    String id = status.requiredId("id");
    if (id.length() > 128) {
      throw new Reject("\"id\" is longer than 128 characters");
    }
    return new MessagesChange.CallEvent(
        id,
        sender(status.identity("recipient_id"), status.identity("recipient_user_id"), contacts),
        status.requiredId("status"),
        Optional.of("BUSINESS_INITIATED"),
        Optional.empty(),
        status.timestamp("timestamp"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The parts of messages KretaNote acts on besides the message itself: a {@code referral}
   * (Click-to-WhatsApp; Meta's messages webhook reference: {@code source_url}, {@code source_id},
   * {@code source_type}, {@code headline}, {@code body}, {@code media_type}, {@code image_url} or
   * {@code video_url}, {@code thumbnail_url}, {@code ctwa_clid}), and an interactive {@code
   * call_permission_reply} ({@code response} accept/reject, {@code is_permanent}, {@code
   * expiration_timestamp}). A message that is itself malformed was rejected already and is skipped
   * here; a malformed referral or reply is rejected on its own path, the message still stored.
   */
  private static void messageExtras(
      Fields value,
      List<InboundContact> contacts,
      String path,
      Result result,
      List<MessagesChange.Referral> referrals,
      List<MessagesChange.CallPermission> permissions) {
    if (!(value.json.get("messages") instanceof JsonArray array)) {
      return;
    }
    for (int k = 0; k < array.size(); k++) {
      if (!(array.get(k) instanceof JsonObject json)) {
        continue;
      }
      Fields message = new Fields(json);
      String wamid;
      ContactKey customer;
      Instant at;
      try {
        wamid = message.wamid("id");
        at = message.timestamp("timestamp");
        customer = sender(message.identity("from"), message.identity("from_user_id"), contacts);
      } catch (Reject e) {
        continue;
      }
      String itemPath = path + ".messages[" + k + "]";
      if (json.containsKey("referral")) {
        try {
          Fields r = message.requiredObject("referral");
          referrals.add(
              new MessagesChange.Referral(
                  wamid,
                  customer,
                  r.lenientString("source_type"),
                  r.lenientString("source_id"),
                  r.lenientString("source_url"),
                  r.lenientString("headline"),
                  r.lenientString("body"),
                  r.lenientString("media_type"),
                  r.lenientString("image_url").or(() -> r.lenientString("video_url")),
                  r.lenientString("thumbnail_url"),
                  r.lenientString("ctwa_clid")));
        } catch (Reject e) {
          result.reject(itemPath + ".referral", e.getMessage(), json.get("referral"));
        }
      }
      if (json.get("interactive") instanceof JsonObject interactive
          && "call_permission_reply".equals(interactive.getString("type", ""))) {
        try {
          Fields reply = new Fields(interactive).requiredObject("call_permission_reply");
          String response = reply.requiredId("response").toLowerCase(java.util.Locale.ROOT);
          if (!response.equals("accept") && !response.equals("reject")) {
            throw new Reject("\"response\" must be accept or reject, is " + response);
          }
          permissions.add(
              new MessagesChange.CallPermission(
                  wamid,
                  customer,
                  response,
                  reply.bool("is_permanent").orElse(false),
                  reply.optionalTimestamp("expiration_timestamp"),
                  at));
        } catch (Reject e) {
          result.reject(itemPath + ".interactive", e.getMessage(), interactive);
        }
      }
    }
  }

  private interface ItemReader<T> {
    T read(Fields item) throws Reject;
  }

  private static <T> List<T> items(
      Fields parent, String name, String path, Result result, ItemReader<T> reader) {
    List<T> items = new ArrayList<>();
    String arrayPath = path + "." + name;
    JsonArray array;
    try {
      Optional<JsonArray> present = parent.array(name);
      if (present.isEmpty()) {
        return items;
      }
      array = present.get();
    } catch (Reject e) {
      JsonValue wrong = parent.json.get(name);
      result.reject(arrayPath, "must be an array, found " + kind(wrong), wrong);
      return items;
    }
    for (int k = 0; k < array.size(); k++) {
      String itemPath = arrayPath + "[" + k + "]";
      JsonValue item = array.get(k);
      if (!(item instanceof JsonObject json)) {
        result.reject(itemPath, "must be an object, found " + kind(item), item);
        continue;
      }
      try {
        items.add(reader.read(new Fields(json)));
      } catch (Reject e) {
        result.reject(itemPath, e.getMessage(), json);
      }
    }
    return items;
  }

  private static InboundContact contact(Fields contact) throws Reject {
    Optional<String> waId = contact.identity("wa_id");
    Optional<String> userId = contact.identity("user_id");
    Optional<Fields> profile = contact.object("profile");
    Optional<String> name = profile.isPresent() ? profile.get().string("name") : Optional.empty();
    Optional<String> username =
        profile.isPresent() ? profile.get().string("username") : Optional.empty();
    ContactKey key =
        ContactKey.of(userId.orElse(null), waId.orElse(null))
            .orElseThrow(() -> new Reject("missing both \"user_id\" and \"wa_id\""));
    return new InboundContact(key, waId, userId, name, username);
  }

  private static InboundMessage message(Fields message, List<InboundContact> contacts)
      throws Reject {
    return message(message, contacts, "from", "from_user_id");
  }

  /**
   * A {@code smb_message_echoes[].message_echoes[]} element: shaped like a message, but {@code
   * from} is the business's number and {@code to} the customer, who becomes the {@code sender} (the
   * contact the message belongs to).
   */
  private static InboundMessage echo(Fields echo, List<InboundContact> contacts) throws Reject {
    return message(echo, contacts, "to", "to_user_id");
  }

  /**
   * A {@code user_preferences[]} element: {@code wa_id} (or {@code user_id}), {@code category}
   * ({@code marketing_messages}), {@code value} ({@code stop}, {@code resume}), {@code timestamp}.
   */
  private static MessagesChange.PreferenceUpdate preference(
      Fields preference, List<InboundContact> contacts) throws Reject {
    ContactKey contact =
        sender(preference.identity("wa_id"), preference.identity("user_id"), contacts);
    return new MessagesChange.PreferenceUpdate(
        contact,
        preference.requiredId("category"),
        preference.requiredId("value"),
        preference.timestamp("timestamp"),
        preference.string("detail"));
  }

  private static InboundMessage message(
      Fields message, List<InboundContact> contacts, String fromKey, String fromUserKey)
      throws Reject {
    String wamid = message.wamid("id");
    Instant timestamp = message.timestamp("timestamp");
    String rawType = message.requiredId("type");
    MessageType type = MessageType.fromWire(rawType);
    Optional<String> from = message.identity(fromKey);
    Optional<String> fromUserId = message.identity(fromUserKey);
    ContactKey sender = sender(from, fromUserId, contacts);
    Optional<Fields> contextJson = message.object("context");
    Optional<MessageContext> context =
        contextJson.isPresent() ? Optional.of(context(contextJson.get())) : Optional.empty();
    List<WebhookError> errors = errors(message, "errors");
    MessageContent content = content(type, rawType, message);
    JsonValue typeObject = message.json.get(rawType);
    String contentJson =
        type != MessageType.UNKNOWN && typeObject != null && typeObject != JsonValue.NULL
            ? raw(typeObject)
            : raw(message.json);
    return new InboundMessage(
        wamid,
        sender,
        from,
        fromUserId,
        timestamp,
        type,
        rawType,
        context,
        content,
        contentJson,
        errors);
  }

  private static ContactKey sender(
      Optional<String> from, Optional<String> fromUserId, List<InboundContact> contacts)
      throws Reject {
    if (fromUserId.isPresent()) {
      return new ContactKey(ContactKey.Kind.USER_ID, fromUserId.get());
    }
    if (from.isPresent()) {
      return contacts.stream()
          .filter(c -> c.waId().equals(from))
          .map(InboundContact::key)
          .findFirst()
          .orElseGet(() -> new ContactKey(ContactKey.Kind.WA_ID, from.get()));
    }
    if (contacts.size() == 1) {
      return contacts.get(0).key();
    }
    throw new Reject("missing both \"from_user_id\" and \"from\"");
  }

  private static MessageContext context(Fields context) throws Reject {
    return new MessageContext(
        context.string("from"),
        context.string("id"),
        context.bool("forwarded").orElse(false),
        context.bool("frequently_forwarded").orElse(false));
  }

  private static MessageContent content(MessageType type, String rawType, Fields message)
      throws Reject {
    return switch (type) {
      case TEXT -> new MessageContent.Text(message.requiredObject("text").requiredString("body"));
      case IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER -> media(message.requiredObject(rawType));
      case LOCATION -> location(message.requiredObject("location"));
      case CONTACTS -> contactCards(message);
      case INTERACTIVE -> interactive(message.requiredObject("interactive"));
      case BUTTON -> {
        Fields button = message.requiredObject("button");
        yield new MessageContent.ButtonReply(
            button.requiredString("text"), button.string("payload"));
      }
      case REACTION -> {
        Fields reaction = message.requiredObject("reaction");
        yield new MessageContent.Reaction(
            reaction.wamid("message_id"), reaction.string("emoji").orElse(""));
      }
      case ORDER -> order(message.requiredObject("order"));
      case SYSTEM -> {
        Fields system = message.requiredObject("system");
        Optional<String> newWaId = system.identity("new_wa_id");
        yield new MessageContent.SystemNotice(
            system.requiredString("body"),
            system.string("type"),
            newWaId.isPresent() ? newWaId : system.identity("wa_id"));
      }
      case UNSUPPORTED ->
          new MessageContent.Unsupported(
              message.json.get("unsupported") instanceof JsonObject unsupported
                  ? new Fields(unsupported).lenientString("type")
                  : Optional.empty());
      case EDIT -> edit(message.requiredObject("edit"));
      case REVOKE ->
          new MessageContent.Revoke(message.requiredObject("revoke").wamid("original_message_id"));
      case REQUEST_WELCOME, UNKNOWN -> new MessageContent.Opaque();
    };
  }

  /**
   * {@code "edit": {"original_message_id": ..., "message": {"type": "text", "text": {"body":
   * ...}}}}: the new text is the edited message's body, or its caption for a media message.
   */
  private static MessageContent edit(Fields edit) throws Reject {
    String original = edit.wamid("original_message_id");
    Optional<String> text = Optional.empty();
    Optional<Fields> message = edit.object("message");
    if (message.isPresent()) {
      Optional<String> type = message.get().string("type");
      Optional<Fields> typed =
          type.isPresent() ? message.get().object(type.get()) : Optional.empty();
      if (typed.isPresent()) {
        text = typed.get().string("body").or(() -> typed.get().lenientString("caption"));
      }
    }
    return new MessageContent.Edit(original, text);
  }

  private static MessageContent media(Fields media) throws Reject {
    return new MessageContent.Media(
        media.requiredId("id"),
        media.string("mime_type"),
        media.string("sha256"),
        media.string("caption"),
        media.string("filename"));
  }

  private static MessageContent location(Fields location) throws Reject {
    return new MessageContent.Location(
        location.coordinate("latitude", 90),
        location.coordinate("longitude", 180),
        location.string("name"),
        location.string("address"),
        location.string("url"));
  }

  private static MessageContent contactCards(Fields message) throws Reject {
    JsonArray cards =
        message.array("contacts").orElseThrow(() -> new Reject("missing \"contacts\""));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      if (!(cards.get(i) instanceof JsonObject card)) {
        throw new Reject("\"contacts[" + i + "]\" must be an object, found " + kind(cards.get(i)));
      }
      Optional<Fields> name = new Fields(card, "contacts[" + i + "].").object("name");
      if (name.isPresent()) {
        name.get().string("formatted_name").ifPresent(names::add);
      }
    }
    return new MessageContent.ContactCards(cards.size(), names);
  }

  private static MessageContent interactive(Fields interactive) throws Reject {
    String kind = interactive.requiredString("type");
    return switch (kind) {
      case "button_reply" -> reply(InteractiveReply.Kind.BUTTON_REPLY, interactive, kind);
      case "list_reply" -> reply(InteractiveReply.Kind.LIST_REPLY, interactive, kind);
      case "nfm_reply" -> {
        Fields flow = interactive.requiredObject(kind);
        yield new InteractiveReply(
            InteractiveReply.Kind.NFM_REPLY,
            flow.string("name").orElse(""),
            flow.string("body").orElse(""),
            Optional.empty(),
            Optional.of(flow.requiredString("response_json")));
      }
      default -> new MessageContent.Opaque();
    };
  }

  private static MessageContent reply(InteractiveReply.Kind kind, Fields interactive, String name)
      throws Reject {
    Fields reply = interactive.requiredObject(name);
    return new InteractiveReply(
        kind,
        reply.requiredString("id"),
        reply.requiredString("title"),
        reply.string("description"),
        Optional.empty());
  }

  private static MessageContent order(Fields order) throws Reject {
    List<MessageContent.Order.Item> items = new ArrayList<>();
    Optional<JsonArray> products = order.array("product_items");
    if (products.isPresent()) {
      JsonArray array = products.get();
      for (int i = 0; i < array.size(); i++) {
        String prefix = order.prefix + "product_items[" + i + "]";
        if (!(array.get(i) instanceof JsonObject product)) {
          throw new Reject("\"" + prefix + "\" must be an object, found " + kind(array.get(i)));
        }
        Fields item = new Fields(product, prefix + ".");
        items.add(
            new MessageContent.Order.Item(
                item.requiredString("product_retailer_id"),
                item.integer("quantity", 0, MAX_QUANTITY)
                    .orElseThrow(() -> new Reject("missing \"" + prefix + ".quantity\"")),
                item.decimal("item_price"),
                item.string("currency")));
      }
    }
    return new MessageContent.Order(order.string("catalog_id"), order.string("text"), items);
  }

  private static StatusUpdate status(Fields status) throws Reject {
    String wamid = status.wamid("id");
    String rawStatus = status.requiredId("status");
    Instant timestamp = status.timestamp("timestamp");
    Optional<StatusUpdate.Pricing> pricing = Optional.empty();
    Optional<Fields> pricingJson = status.object("pricing");
    if (pricingJson.isPresent()) {
      Fields p = pricingJson.get();
      pricing =
          Optional.of(
              new StatusUpdate.Pricing(
                  p.string("category"),
                  p.string("type"),
                  p.string("pricing_model"),
                  p.bool("billable")));
    }
    Optional<StatusUpdate.Conversation> conversation = Optional.empty();
    Optional<Fields> conversationJson = status.object("conversation");
    if (conversationJson.isPresent()) {
      Fields c = conversationJson.get();
      Optional<Fields> origin = c.object("origin");
      conversation =
          Optional.of(
              new StatusUpdate.Conversation(
                  c.string("id"),
                  origin.isPresent() ? origin.get().string("type") : Optional.empty(),
                  c.optionalTimestamp("expiration_timestamp")));
    }
    return new StatusUpdate(
        wamid,
        DeliveryStatus.fromWire(rawStatus),
        rawStatus,
        timestamp,
        status.identity("recipient_id"),
        status.identity("recipient_user_id"),
        pricing,
        conversation,
        errors(status, "errors"));
  }

  private static List<WebhookError> errors(Fields parent, String name) throws Reject {
    Optional<JsonArray> array = parent.array(name);
    if (array.isEmpty()) {
      return List.of();
    }
    List<WebhookError> errors = new ArrayList<>();
    for (int i = 0; i < array.get().size(); i++) {
      JsonValue error = array.get().get(i);
      String prefix = parent.prefix + name + "[" + i + "]";
      if (!(error instanceof JsonObject json)) {
        throw new Reject("\"" + prefix + "\" must be an object, found " + kind(error));
      }
      errors.add(error(new Fields(json, prefix + ".")));
    }
    return errors;
  }

  private static WebhookError error(Fields error) throws Reject {
    Optional<Fields> data = error.object("error_data");
    return new WebhookError(
        error.integer("code", 0, Integer.MAX_VALUE),
        error.string("title"),
        error.string("message"),
        data.isPresent() ? data.get().string("details") : Optional.empty());
  }

  private static Optional<OtherChange.TemplateStatus> templateStatus(
      String field, JsonValue value) {
    if (!OtherChange.TEMPLATE_STATUS_FIELD.equals(field) || !(value instanceof JsonObject json)) {
      return Optional.empty();
    }
    try {
      Fields template = new Fields(json);
      Optional<String> event = template.string("event");
      if (event.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new OtherChange.TemplateStatus(
              event.get(),
              template.idText("message_template_id"),
              template.string("message_template_name"),
              template.string("message_template_language"),
              template.string("reason")));
    } catch (Reject e) {
      return Optional.empty();
    }
  }

  private static Optional<OtherChange.QualityUpdate> qualityUpdate(String field, JsonValue value) {
    if (!OtherChange.QUALITY_FIELD.equals(field) || !(value instanceof JsonObject json)) {
      return Optional.empty();
    }
    try {
      Fields quality = new Fields(json);
      return Optional.of(
          new OtherChange.QualityUpdate(
              quality.string("display_phone_number"),
              quality.string("event"),
              quality.string("current_limit")));
    } catch (Reject e) {
      return Optional.empty();
    }
  }

  static String kind(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  private static String raw(JsonValue value) {
    return value == null ? null : clean(value.toString());
  }

  /** Replaces unpaired UTF-16 surrogates, which JSON allows and UTF-8 cannot store, by U+FFFD. */
  static String clean(String text) {
    StringBuilder out = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < length
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(length).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static final class Result {
    final List<WebhookChange> changes = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    void reject(String path, String reason, JsonValue raw) {
      rejections.add(new Rejection(path, reason, Optional.ofNullable(raw(raw))));
    }
  }

  /** Why one element is rejected; control flow only, so without a stack trace. */
  private static final class Reject extends Exception {
    Reject(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Typed access to one JSON object. Absent and {@code null} mean the same; present with the wrong
   * type is a {@link Reject} naming the key relative to the rejected element.
   */
  private static final class Fields {
    final JsonObject json;
    final String prefix;

    Fields(JsonObject json) {
      this(json, "");
    }

    Fields(JsonObject json, String prefix) {
      this.json = json;
      this.prefix = prefix;
    }

    private String quoted(String name) {
      return "\"" + prefix + name + "\"";
    }

    private Optional<JsonValue> present(String name) {
      JsonValue value = json.get(name);
      return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(value);
    }

    private Reject wrongType(String name, String expected, JsonValue actual) {
      return new Reject(quoted(name) + " must be " + expected + ", found " + kind(actual));
    }

    Optional<String> string(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (!(value.get() instanceof JsonString string)) {
        throw wrongType(name, "a string", value.get());
      }
      return Optional.of(clean(string.getString()));
    }

    String requiredString(String name) throws Reject {
      return string(name).orElseThrow(() -> new Reject("missing " + quoted(name)));
    }

    /** A name or id: blank identifies nothing, so it is as good as missing. */
    String requiredId(String name) throws Reject {
      String id = requiredString(name);
      if (id.isBlank()) {
        throw new Reject(quoted(name) + " is blank");
      }
      return id;
    }

    /** A string in a part that is informative only: a wrong type reads as absent. */
    Optional<String> lenientString(String name) {
      return json.get(name) instanceof JsonString string
          ? Optional.of(clean(string.getString()))
          : Optional.empty();
    }

    String wamid(String name) throws Reject {
      String wamid = requiredId(name);
      if (wamid.length() > InboundMessage.WAMID_MAX) {
        throw new Reject(
            quoted(name) + " is longer than " + InboundMessage.WAMID_MAX + " characters");
      }
      return wamid;
    }

    /** A wa_id or user_id; blank reads as absent, as it identifies nobody. */
    Optional<String> identity(String name) throws Reject {
      Optional<String> identity = string(name).filter(s -> !s.isBlank());
      if (identity.isPresent() && identity.get().length() > ContactKey.MAX_LENGTH) {
        throw new Reject(quoted(name) + " is longer than " + ContactKey.MAX_LENGTH + " characters");
      }
      return identity;
    }

    /** An id Meta sends as a number in some payloads and as a string in others. */
    Optional<String> idText(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (value.get() instanceof JsonString string) {
        return Optional.of(clean(string.getString()));
      }
      if (value.get() instanceof JsonNumber number) {
        BigDecimal id = number.bigDecimalValue();
        if (id.signum() < 0 || id.precision() - id.scale() > 30) {
          throw new Reject(quoted(name) + " is out of range");
        }
        try {
          return Optional.of(id.toBigIntegerExact().toString());
        } catch (ArithmeticException e) {
          throw new Reject(quoted(name) + " must be a whole number");
        }
      }
      throw wrongType(name, "a string or a number", value.get());
    }

    Optional<Fields> object(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (!(value.get() instanceof JsonObject object)) {
        throw wrongType(name, "an object", value.get());
      }
      return Optional.of(new Fields(object, prefix + name + "."));
    }

    Fields requiredObject(String name) throws Reject {
      return object(name).orElseThrow(() -> new Reject("missing " + quoted(name)));
    }

    Optional<JsonArray> array(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (!(value.get() instanceof JsonArray array)) {
        throw wrongType(name, "an array", value.get());
      }
      return Optional.of(array);
    }

    Optional<Boolean> bool(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (value.get() == JsonValue.TRUE) {
        return Optional.of(true);
      }
      if (value.get() == JsonValue.FALSE) {
        return Optional.of(false);
      }
      throw wrongType(name, "a boolean", value.get());
    }

    /** A number, or a string holding one, as some partners forward them. */
    Optional<BigDecimal> decimal(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (value.get() instanceof JsonNumber number) {
        return Optional.of(number.bigDecimalValue());
      }
      if (value.get() instanceof JsonString string) {
        String text = string.getString();
        if (text.length() <= BoundedJsonReader.MAX_NUMBER_LITERAL) {
          try {
            return Optional.of(new BigDecimal(text));
          } catch (NumberFormatException e) {
            // falls through to the rejection below
          }
        }
        throw new Reject(quoted(name) + " must be a number, found a non-numeric string");
      }
      throw wrongType(name, "a number", value.get());
    }

    OptionalInt integer(String name, int min, int max) throws Reject {
      Optional<BigDecimal> value = decimal(name);
      if (value.isEmpty()) {
        return OptionalInt.empty();
      }
      BigDecimal number = value.get();
      if (number.compareTo(BigDecimal.valueOf(min)) < 0
          || number.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new Reject(quoted(name) + " is out of range [" + min + ", " + max + "]");
      }
      try {
        return OptionalInt.of(number.intValueExact());
      } catch (ArithmeticException e) {
        throw new Reject(quoted(name) + " must be a whole number");
      }
    }

    double coordinate(String name, int bound) throws Reject {
      BigDecimal value = decimal(name).orElseThrow(() -> new Reject("missing " + quoted(name)));
      if (value.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
        throw new Reject(quoted(name) + " is out of range [-" + bound + ", " + bound + "]");
      }
      return value.doubleValue();
    }

    Instant timestamp(String name) throws Reject {
      return optionalTimestamp(name).orElseThrow(() -> new Reject("missing " + quoted(name)));
    }

    /** Unix seconds, which Meta sends as a string of digits; a plain number is accepted too. */
    Optional<Instant> optionalTimestamp(String name) throws Reject {
      Optional<JsonValue> value = present(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal seconds;
      if (value.get() instanceof JsonString string) {
        String text = string.getString();
        if (text.isEmpty()
            || text.length() > 12
            || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw new Reject(quoted(name) + " must be Unix time in seconds");
        }
        seconds = new BigDecimal(text);
      } else if (value.get() instanceof JsonNumber number) {
        seconds = number.bigDecimalValue();
      } else {
        throw wrongType(name, "Unix time in seconds", value.get());
      }
      if (seconds.signum() < 0 || seconds.compareTo(MAX_EPOCH_SECOND) > 0) {
        throw new Reject(quoted(name) + " is out of range");
      }
      try {
        return Optional.of(Instant.ofEpochSecond(seconds.longValueExact()));
      } catch (ArithmeticException e) {
        throw new Reject(quoted(name) + " must be a whole number of seconds");
      }
    }
  }
}
