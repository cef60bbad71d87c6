package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks Meta makes on a {@code POST /{PNID}/messages} body before accepting it: the envelope,
 * the object of the declared type, and for templates existence, approval and parameter counts.
 */
final class MessageRules {

  static final int TEXT_LIMIT = 4096;
  static final int CAPTION_LIMIT = 1024;
  static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{5,20}$");

  /** A business-scoped user id or a parent one: {@code US.1349…}, {@code US.ENT.1181…}. */
  static final Pattern BSUID = Pattern.compile("^[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}$");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  private static final List<String> TYPES =
      List.of(
          "audio",
          "contacts",
          "document",
          "image",
          "interactive",
          "location",
          "reaction",
          "sticker",
          "template",
          "text",
          "video");
  private static final List<String> MEDIA_TYPES =
      List.of("audio", "document", "image", "sticker", "video");

  /** A validated send: the recipient as given, its normalised form, the type and template. */
  record Outgoing(
      String to, String recipient, boolean byUserId, String type, SimState.Template template) {}

  private MessageRules() {}

  static Outgoing validate(JsonObject body, String wabaId, SimState state) {
    requireWhatsApp(body);
    String recipientType = MetaJson.string(body, "recipient_type");
    if (recipientType != null && !recipientType.equals("individual")) {
      throw GraphError.invalidParameter(
          "Param recipient_type must be one of {INDIVIDUAL} - got \"" + recipientType + "\".");
    }
    // Meta's Messages API: a phone number goes in "to", a business-scoped user id (or a parent
    // one) in "recipient"; with both, "to" wins; with neither, the call fails.
    String phone = MetaJson.string(body, "to");
    String userId = MetaJson.string(body, "recipient");
    boolean byUserId = phone == null || phone.isBlank();
    if (byUserId && (userId == null || userId.isBlank())) {
      throw GraphError.missingParameter("to");
    }
    if (!byUserId && !PHONE.matcher(phone).matches()) {
      throw GraphError.of(
          131009,
          "Invalid recipient: 'to' takes a phone number, got '"
              + phone
              + "'; a business-scoped user id goes in 'recipient'.");
    }
    if (byUserId && !BSUID.matcher(userId).matches()) {
      throw GraphError.of(
          131009, "Invalid recipient: '" + userId + "' is not a business-scoped user id.");
    }
    String to = byUserId ? userId : phone;
    String recipient = byUserId ? userId : phone.replaceAll("[^0-9]", "");
    String type = MetaJson.string(body, "type");
    if (type == null) {
      type = "text";
    }
    if (!TYPES.contains(type)) {
      throw GraphError.invalidParameter(
          "Param type must be one of {"
              + String.join(", ", TYPES).toUpperCase(Locale.ROOT)
              + "} - got \""
              + type
              + "\".");
    }
    JsonValue content = body.get(type);
    if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
      throw GraphError.missingParameter(type);
    }
    JsonObject context = MetaJson.object(body, "context");
    if (context != null && MetaJson.string(context, "message_id") == null) {
      throw GraphError.missingParameter("context['message_id']");
    }
    SimState.Template template = null;
    switch (type) {
      case "text" -> text(content);
      case "location" -> location(requireObject(type, content));
      case "contacts" -> contacts(content);
      case "interactive" -> interactive(requireObject(type, content));
      case "reaction" -> reaction(requireObject(type, content));
      case "template" -> template = template(requireObject(type, content), wabaId, state);
      default -> {
        if (MEDIA_TYPES.contains(type)) {
          media(type, requireObject(type, content), state);
        }
      }
    }
    return new Outgoing(to, recipient, byUserId, type, template);
  }

  static void requireWhatsApp(JsonObject body) {
    String product = MetaJson.string(body, "messaging_product");
    if (product == null) {
      throw GraphError.missingParameter("messaging_product");
    }
    if (!product.equals("whatsapp")) {
      throw GraphError.invalidParameter(
          "Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\".");
    }
  }

  private static JsonObject requireObject(String type, JsonValue content) {
    if (!(content instanceof JsonObject object)) {
      throw GraphError.invalidParameter("Param " + type + " must be a JSON object.");
    }
    return object;
  }

  private static void text(JsonValue content) {
    JsonObject text = requireObject("text", content);
    String body = MetaJson.string(text, "body");
    if (body == null || body.isEmpty()) {
      throw GraphError.missingParameter("text['body']");
    }
    if (body.codePointCount(0, body.length()) > TEXT_LIMIT) {
      throw GraphError.invalidParameter(
          "Param text['body'] must be at most " + TEXT_LIMIT + " characters long.");
    }
  }

  private static void media(String type, JsonObject media, SimState state) {
    String id = MetaJson.string(media, "id");
    String link = MetaJson.string(media, "link");
    if ((id == null) == (link == null)) {
      throw GraphError.invalidParameter(
          "Param " + type + " must have exactly one of 'id' or 'link'.");
    }
    if (id != null) {
      SimState.Media stored = state.media.get(id);
      if (stored == null || stored.expiresAt().isBefore(state.now())) {
        throw GraphError.of(131009, "Media id " + id + " does not exist or has expired.");
      }
    } else if (!link.startsWith("https://") && !link.startsWith("http://")) {
      throw GraphError.of(131009, "Param " + type + "['link'] must be an http(s) URL.");
    }
    String caption = MetaJson.string(media, "caption");
    if (caption != null && caption.codePointCount(0, caption.length()) > CAPTION_LIMIT) {
      throw GraphError.invalidParameter(
          "Param " + type + "['caption'] must be at most " + CAPTION_LIMIT + " characters long.");
    }
  }

  private static void location(JsonObject location) {
    if (!(location.get("latitude") instanceof JsonNumber)
        || !(location.get("longitude") instanceof JsonNumber)) {
      throw GraphError.missingParameter("location['latitude'] and location['longitude']");
    }
    double lat = location.getJsonNumber("latitude").doubleValue();
    double lon = location.getJsonNumber("longitude").doubleValue();
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw GraphError.of(131009, "Param location latitude or longitude is out of range.");
    }
  }

  private static void contacts(JsonValue content) {
    if (!(content instanceof JsonArray cards) || cards.isEmpty()) {
      throw GraphError.invalidParameter("Param contacts must be a non-empty array.");
    }
    for (JsonValue card : cards) {
      JsonObject name = card instanceof JsonObject o ? MetaJson.object(o, "name") : null;
      if (name == null || MetaJson.string(name, "formatted_name") == null) {
        throw GraphError.missingParameter("contacts[]['name']['formatted_name']");
      }
      if (MetaJson.string(name, "first_name") == null
          && MetaJson.string(name, "last_name") == null) {
        throw GraphError.missingParameter("contacts[]['name']['first_name' or 'last_name']");
      }
    }
  }

  private static void interactive(JsonObject interactive) {
    String kind = MetaJson.string(interactive, "type");
    if (kind == null) {
      throw GraphError.missingParameter("interactive['type']");
    }
    JsonObject action = MetaJson.object(interactive, "action");
    if (action == null) {
      throw GraphError.missingParameter("interactive['action']");
    }
    if (kind.equals("button") || kind.equals("list") || kind.equals("cta_url")) {
      JsonObject body = MetaJson.object(interactive, "body");
      if (body == null || MetaJson.string(body, "text") == null) {
        throw GraphError.missingParameter("interactive['body']['text']");
      }
      limit(MetaJson.string(body, "text"), kind.equals("list") ? 4096 : 1024, "Body text");
    }
    JsonObject footer = MetaJson.object(interactive, "footer");
    if (footer != null) {
      limit(MetaJson.string(footer, "text"), 60, "Footer text");
    }
    if (kind.equals("button")) {
      JsonArray buttons = MetaJson.array(action, "buttons");
      if (buttons == null || buttons.isEmpty() || buttons.size() > 3) {
        throw GraphError.of(
            131009, "Param interactive['action']['buttons'] must have 1 to 3 buttons.");
      }
      Set<String> ids = new LinkedHashSet<>();
      Set<String> titles = new LinkedHashSet<>();
      for (JsonValue button : buttons) {
        JsonObject reply = button instanceof JsonObject o ? MetaJson.object(o, "reply") : null;
        String title = reply == null ? null : MetaJson.string(reply, "title");
        String id = reply == null ? null : MetaJson.string(reply, "id");
        if (reply == null || id == null || title == null) {
          throw GraphError.missingParameter(
              "interactive['action']['buttons'][]['reply']['id' and 'title']");
        }
        limit(title, 20, "Button title");
        limit(id, 256, "Button id");
        if (!ids.add(id) || !titles.add(title)) {
          throw GraphError.of(131009, "Button titles and ids must be unique.");
        }
      }
    }
    if (kind.equals("list")) {
      JsonArray sections = MetaJson.array(action, "sections");
      String button = MetaJson.string(action, "button");
      if (button == null || sections == null || sections.isEmpty()) {
        throw GraphError.missingParameter("interactive['action']['button'] and ['sections']");
      }
      limit(button, 20, "Button text");
      if (sections.size() > 10) {
        throw GraphError.of(131009, "Sections count must be between 1 and 10.");
      }
      int rows = 0;
      Set<String> ids = new LinkedHashSet<>();
      for (JsonValue section : sections) {
        JsonObject s = section instanceof JsonObject o ? o : null;
        JsonArray sectionRows = s == null ? null : MetaJson.array(s, "rows");
        if (sectionRows == null || sectionRows.isEmpty()) {
          throw GraphError.of(131009, "Each section must have at least one row.");
        }
        if (sections.size() > 1 && MetaJson.string(s, "title") == null) {
          throw GraphError.missingParameter("interactive['action']['sections'][]['title']");
        }
        limit(MetaJson.string(s, "title"), 24, "Section title");
        for (JsonValue r : sectionRows) {
          JsonObject row = r instanceof JsonObject o ? o : null;
          String id = row == null ? null : MetaJson.string(row, "id");
          String title = row == null ? null : MetaJson.string(row, "title");
          if (id == null || title == null) {
            throw GraphError.missingParameter("interactive['action']['sections'][]['rows'][]");
          }
          limit(title, 24, "Row title");
          limit(MetaJson.string(row, "description"), 72, "Row description");
          limit(id, 200, "Row id");
          if (!ids.add(id)) {
            throw GraphError.of(131009, "Row ids must be unique.");
          }
        }
        rows += sectionRows.size();
      }
      if (rows == 0 || rows > 10) {
        throw GraphError.of(131009, "Total row count must be between 1 and 10.");
      }
    }
  }

  /** Meta's answer to a text over its limit: 131009 naming the field and the maximum. */
  private static void limit(String value, int max, String what) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw GraphError.of(131009, what + " length is too long. Max length is " + max + ".");
    }
  }

  private static void reaction(JsonObject reaction) {
    if (MetaJson.string(reaction, "message_id") == null) {
      throw GraphError.missingParameter("reaction['message_id']");
    }
    if (MetaJson.string(reaction, "emoji") == null) {
      throw GraphError.missingParameter("reaction['emoji']");
    }
  }

  private static SimState.Template template(JsonObject request, String wabaId, SimState state) {
    String name = MetaJson.string(request, "name");
    JsonObject language = MetaJson.object(request, "language");
    String code = language == null ? null : MetaJson.string(language, "code");
    if (name == null) {
      throw GraphError.missingParameter("template['name']");
    }
    if (code == null) {
      throw GraphError.missingParameter("template['language']['code']");
    }
    SimState.Template template =
        state
            .template(wabaId, name, code)
            .orElseThrow(
                () ->
                    GraphError.of(
                        132001, "template name (" + name + ") does not exist in " + code));
    switch (template.status()) {
      case "APPROVED" -> {}
      case "PAUSED" -> throw GraphError.of(132015);
      case "DISABLED" -> throw GraphError.of(132016);
      default ->
          throw GraphError.of(
              132001,
              "template name ("
                  + name
                  + ") is not approved in "
                  + code
                  + " ("
                  + template.status()
                  + ")");
    }
    JsonArray sent = MetaJson.array(request, "components");
    for (JsonValue value : template.components()) {
      if (!(value instanceof JsonObject component)) {
        continue;
      }
      String kind = String.valueOf(MetaJson.string(component, "type")).toUpperCase(Locale.ROOT);
      switch (kind) {
        case "HEADER" -> {
          String format = MetaJson.string(component, "format");
          boolean textHeader = format == null || format.equalsIgnoreCase("TEXT");
          int expected = textHeader ? placeholders(MetaJson.string(component, "text")) : 1;
          checkCount("header", expected, parameters(sent, "header", null));
          if (!textHeader) {
            checkMediaHeader(format.toLowerCase(Locale.ROOT), sent);
          }
        }
        case "BODY" -> {
          checkCount(
              "body",
              placeholders(MetaJson.string(component, "text")),
              parameters(sent, "body", null));
          checkNames(MetaJson.string(component, "text"), sent);
        }
        case "BUTTONS" -> {
          JsonArray buttons = MetaJson.array(component, "buttons");
          for (int i = 0; buttons != null && i < buttons.size(); i++) {
            JsonObject button = buttons.getJsonObject(i);
            if ("COPY_CODE".equalsIgnoreCase(MetaJson.string(button, "type"))) {
              checkCount("button " + i, 1, parameters(sent, "button", i));
            }
            if ("URL".equalsIgnoreCase(MetaJson.string(button, "type"))) {
              int expected = placeholders(MetaJson.string(button, "url"));
              checkCount("button " + i, expected, parameters(sent, "button", i));
            }
          }
        }
        default -> {}
      }
    }
    return template;
  }

  /**
   * A media header's parameter is of the template's kind ({@code image} for IMAGE) with an {@code
   * id} or an https {@code link}.
   */
  private static void checkMediaHeader(String kind, JsonArray sent) {
    JsonObject parameter = null;
    for (JsonValue v : sent == null ? JsonValue.EMPTY_JSON_ARRAY : sent) {
      if (v instanceof JsonObject c && "header".equalsIgnoreCase(MetaJson.string(c, "type"))) {
        JsonArray p = MetaJson.array(c, "parameters");
        parameter = p != null && !p.isEmpty() && p.get(0) instanceof JsonObject o ? o : null;
      }
    }
    if (parameter == null || !kind.equals(MetaJson.string(parameter, "type"))) {
      throw GraphError.of(132012, "header: parameter type does not match the format " + kind);
    }
    JsonObject media = MetaJson.object(parameter, kind);
    String id = media == null ? null : MetaJson.string(media, "id");
    String link = media == null ? null : MetaJson.string(media, "link");
    if ((id == null) == (link == null) || (link != null && !link.startsWith("https://"))) {
      throw GraphError.of(132012, "header: " + kind + " needs an id or an https link");
    }
  }

  /** A NAMED template's body values each name one of its placeholders. */
  private static void checkNames(String text, JsonArray sent) {
    List<String> names = TemplateShapes.names(text);
    if (names.isEmpty() || names.get(0).matches("[0-9]+")) {
      return;
    }
    for (JsonValue v : sent == null ? JsonValue.EMPTY_JSON_ARRAY : sent) {
      if (v instanceof JsonObject c && "body".equalsIgnoreCase(MetaJson.string(c, "type"))) {
        for (JsonValue p : MetaJson.array(c, "parameters")) {
          String name = p instanceof JsonObject o ? MetaJson.string(o, "parameter_name") : null;
          if (name == null || !names.contains(name)) {
            throw GraphError.of(
                132000, "body: parameter_name " + name + " is not a parameter of the template");
          }
        }
      }
    }
  }

  private static void checkCount(String where, int expected, int received) {
    if (expected != received) {
      throw GraphError.of(
          132000,
          where
              + ": number of localizable_params ("
              + received
              + ") does not match the expected number of params ("
              + expected
              + ")");
    }
  }

  private static int placeholders(String text) {
    if (text == null) {
      return 0;
    }
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names.size();
  }

  /** Parameters sent for a component type (and, for buttons, index); 0 when absent. */
  private static int parameters(JsonArray components, String type, Integer index) {
    if (components == null) {
      return 0;
    }
    for (JsonValue value : components) {
      if (!(value instanceof JsonObject component)
          || !type.equalsIgnoreCase(MetaJson.string(component, "type"))) {
        continue;
      }
      if (index != null) {
        JsonValue sentIndex = component.get("index");
        String indexText =
            sentIndex instanceof JsonString s
                ? s.getString()
                : sentIndex instanceof JsonNumber n ? n.toString() : null;
        if (!String.valueOf(index).equals(indexText)) {
          continue;
        }
      }
      JsonArray parameters = MetaJson.array(component, "parameters");
      return parameters == null ? 0 : parameters.size();
    }
    return 0;
  }
}
