package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a stored message shows beyond its text from its payload: an inbound message keeps the
 * object of its type ({@code {"latitude":…}}), an outbound one Meta's whole message ({@code
 * {"type":"location","location":{…}}}); both are read here. A payload that does not parse shows
 * nothing extra, never an error.
 */
final class MessageShapes {

  private MessageShapes() {}

  static MessageView.Rich rich(String type, String payload) {
    if (!List.of("location", "interactive", "contacts").contains(type)) {
      return MessageView.Rich.NONE;
    }
    JsonValue v = parse(payload);
    if (v instanceof JsonObject o && o.get(type) != null && o.containsKey("messaging_product")) {
      v = o.get(type);
    }
    try {
      return switch (type) {
        case "location" -> v instanceof JsonObject o ? place(o) : MessageView.Rich.NONE;
        case "interactive" -> v instanceof JsonObject o ? choices(o) : MessageView.Rich.NONE;
        default -> card(v);
      };
    } catch (RuntimeException e) {
      return MessageView.Rich.NONE;
    }
  }

  /** A business reaction's emoji from its payload; empty for a removal. */
  static String reactionEmoji(String payload) {
    JsonValue v = parse(payload);
    if (v instanceof JsonObject o && o.get("reaction") instanceof JsonObject r) {
      return r.getString("emoji", "");
    }
    return "";
  }

  /** Latitude and longitude of a location payload of either direction, or null. */
  static double[] location(String payload) {
    JsonValue v = parse(payload);
    if (v instanceof JsonObject o && o.get("location") instanceof JsonObject inner) {
      v = inner;
    }
    if (!(v instanceof JsonObject o) || !o.containsKey("latitude") || !o.containsKey("longitude")) {
      return null;
    }
    try {
      return new double[] {
        o.getJsonNumber("latitude").doubleValue(), o.getJsonNumber("longitude").doubleValue()
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static MessageView.Rich place(JsonObject o) {
    return new MessageView.Rich(
        List.of(), null, o.getString("name", null), o.getString("address", null), null, null);
  }

  private static MessageView.Rich choices(JsonObject interactive) {
    JsonObject action = interactive.getJsonObject("action");
    if (action == null) {
      return MessageView.Rich.NONE;
    }
    List<String> shown = new ArrayList<>();
    if (action.get("buttons") instanceof JsonArray buttons) {
      for (JsonValue b : buttons) {
        JsonObject reply = b.asJsonObject().getJsonObject("reply");
        if (reply != null) {
          shown.add(reply.getString("title", ""));
        }
      }
    }
    if (action.get("sections") instanceof JsonArray sections) {
      for (JsonValue s : sections) {
        for (JsonValue r : s.asJsonObject().getJsonArray("rows")) {
          JsonObject row = r.asJsonObject();
          String d = row.getString("description", null);
          shown.add(row.getString("title", "") + (d == null ? "" : " — " + d));
        }
      }
    }
    return new MessageView.Rich(
        List.copyOf(shown), action.getString("button", null), null, null, null, null);
  }

  private static MessageView.Rich card(JsonValue v) {
    JsonValue cards = v instanceof JsonObject o ? o.get("contacts") : v;
    if (!(cards instanceof JsonArray a) || a.isEmpty()) {
      return MessageView.Rich.NONE;
    }
    JsonObject c = a.getJsonObject(0);
    JsonObject name = c.getJsonObject("name");
    String reach = null;
    if (c.get("phones") instanceof JsonArray phones && !phones.isEmpty()) {
      reach = phones.getJsonObject(0).getString("phone", null);
    } else if (c.get("emails") instanceof JsonArray emails && !emails.isEmpty()) {
      reach = emails.getJsonObject(0).getString("email", null);
    }
    return new MessageView.Rich(
        List.of(),
        null,
        null,
        null,
        name == null ? null : name.getString("formatted_name", null),
        reach);
  }

  private static JsonValue parse(String payload) {
    if (payload == null || payload.isBlank()) {
      return null;
    }
    try (JsonReader reader = Jsons.createReader(new StringReader(payload))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
