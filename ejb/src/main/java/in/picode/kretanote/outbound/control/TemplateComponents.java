package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * Re-syncs a stored template's components (Meta's {@code components} array) with what a {@code
 * message_template_components_update} webhook says the template now reads: the BODY text, the text
 * HEADER, the FOOTER and the URL/phone buttons are replaced; media headers, examples and other
 * buttons stay as they were. A component the webhook names but the template lacks is added.
 */
public final class TemplateComponents {

  private TemplateComponents() {}

  /** One webhook button: type, text, url, phone number (each may be null). */
  public record Button(String type, String text, String url, String phoneNumber) {}

  public static String merged(
      String components, String body, String title, String footer, List<Button> buttons) {
    JsonArray old;
    try (JsonReader r =
        Jsons.createReader(new StringReader(components == null ? "[]" : components))) {
      JsonValue v = r.readValue();
      old = v instanceof JsonArray a ? a : Jsons.createArrayBuilder().build();
    } catch (RuntimeException e) {
      old = Jsons.createArrayBuilder().build();
    }
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    boolean sawBody = false;
    boolean sawHeader = false;
    boolean sawFooter = false;
    boolean sawButtons = false;
    for (JsonValue v : old) {
      if (!(v instanceof JsonObject c)) {
        continue;
      }
      String type = c.getString("type", "").toUpperCase(Locale.ROOT);
      switch (type) {
        case "BODY" -> {
          sawBody = true;
          out.add(body == null ? c : with(c, "text", body));
        }
        case "HEADER" -> {
          sawHeader = true;
          boolean text = "TEXT".equalsIgnoreCase(c.getString("format", "TEXT"));
          out.add(title != null && text ? with(c, "text", title) : c);
        }
        case "FOOTER" -> {
          sawFooter = true;
          out.add(footer == null ? c : with(c, "text", footer));
        }
        case "BUTTONS" -> {
          sawButtons = true;
          out.add(buttons.isEmpty() ? c : buttons(c, buttons));
        }
        default -> out.add(c);
      }
    }
    if (!sawHeader && title != null) {
      out.add(
          Jsons.createObjectBuilder()
              .add("type", "HEADER")
              .add("format", "TEXT")
              .add("text", title));
    }
    if (!sawBody && body != null) {
      out.add(Jsons.createObjectBuilder().add("type", "BODY").add("text", body));
    }
    if (!sawFooter && footer != null) {
      out.add(Jsons.createObjectBuilder().add("type", "FOOTER").add("text", footer));
    }
    if (!sawButtons && !buttons.isEmpty()) {
      out.add(buttons(Jsons.createObjectBuilder().add("type", "BUTTONS").build(), buttons));
    }
    return out.build().toString();
  }

  private static JsonObject with(JsonObject c, String key, String value) {
    JsonObjectBuilder b = Jsons.createObjectBuilder(c);
    b.add(key, value);
    return b.build();
  }

  /** The webhook lists URL and phone buttons only: other buttons (quick replies) are kept. */
  private static JsonObject buttons(JsonObject c, List<Button> buttons) {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    if (c.get("buttons") instanceof JsonArray old) {
      for (JsonValue v : old) {
        if (v instanceof JsonObject b) {
          String type = b.getString("type", "").toUpperCase(Locale.ROOT);
          if (!type.equals("URL") && !type.equals("PHONE_NUMBER")) {
            list.add(b);
          }
        }
      }
    }
    for (Button b : buttons) {
      JsonObjectBuilder button = Jsons.createObjectBuilder();
      button.add("type", b.type() == null ? "URL" : b.type().toUpperCase(Locale.ROOT));
      if (b.text() != null) {
        button.add("text", b.text());
      }
      if (b.url() != null) {
        button.add("url", b.url());
      }
      if (b.phoneNumber() != null) {
        button.add("phone_number", b.phoneNumber());
      }
      list.add(button);
    }
    return with(c, "buttons", list.build());
  }

  private static JsonObject with(JsonObject c, String key, JsonArray value) {
    JsonObjectBuilder b = Jsons.createObjectBuilder(c);
    b.add(key, value);
    return b.build();
  }
}
