package in.picode.kretanote.outbound.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template as the customer reads it: the header (its text, or which media it carries), the body
 * with its placeholders filled, the footer and the buttons' labels. The same function fills a
 * template with a send's values (the conversation's history keeps the text the customer received)
 * and with the template's own examples (the template page's preview). A placeholder without a value
 * stays as written, so nothing is invented.
 */
public final class TemplateText {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  private TemplateText() {}

  /**
   * What WhatsApp shows; {@code media} is IMAGE, VIDEO or DOCUMENT for a media header, else null.
   */
  public record Rendered(
      String media, String header, String body, String footer, List<String> buttons) {

    public Rendered {
      buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** Plain text for the conversation's history: header, body, footer, then one line a button. */
    public String text() {
      StringBuilder s = new StringBuilder();
      if (media != null) {
        s.append('[').append(media.toLowerCase(Locale.ROOT)).append("]\n");
      }
      if (header != null && !header.isBlank()) {
        s.append('*').append(header).append("*\n");
      }
      s.append(body == null ? "" : body);
      if (footer != null && !footer.isBlank()) {
        s.append("\n\n").append(footer);
      }
      for (String b : buttons) {
        s.append("\n[ ").append(b).append(" ]");
      }
      return s.toString();
    }
  }

  /** The text Meta fixes for an authentication template's body. */
  public static String authenticationBody(boolean securityRecommendation) {
    return "*{{1}}* is your verification code."
        + (securityRecommendation ? " For your security, do not share this code." : "");
  }

  /** The footer Meta adds for an authentication template's code expiry. */
  public static String authenticationFooter(int minutes) {
    return "This code expires in " + minutes + (minutes == 1 ? " minute." : " minutes.");
  }

  /** The template filled with a send's values. */
  public static Rendered render(JsonArray components, List<String> header, List<String> body) {
    return fill(components, header, body, false);
  }

  /** The template filled with its own examples, as Meta's review sees it. */
  public static Rendered example(JsonArray components) {
    return fill(components, List.of(), List.of(), true);
  }

  private static Rendered fill(
      JsonArray components, List<String> headerValues, List<String> bodyValues, boolean examples) {
    String media = null;
    String header = null;
    String body = "";
    String footer = null;
    List<String> buttons = new ArrayList<>();
    for (JsonValue v : components) {
      if (!(v instanceof JsonObject c)) {
        continue;
      }
      switch (string(c, "type").toUpperCase(Locale.ROOT)) {
        case "HEADER" -> {
          String format = string(c, "format").toUpperCase(Locale.ROOT);
          if (format.isEmpty() || format.equals("TEXT")) {
            header = fillText(string(c, "text"), headerValues);
          } else {
            media = format;
          }
        }
        case "BODY" -> {
          String text = string(c, "text");
          if (text.isEmpty() && c.containsKey("add_security_recommendation")) {
            text = authenticationBody(c.getBoolean("add_security_recommendation", false));
          }
          body = fillText(text, examples ? bodyExamples(c, text) : bodyValues);
        }
        case "FOOTER" -> {
          String text = string(c, "text");
          if (text.isEmpty()
              && c.get("code_expiration_minutes") instanceof jakarta.json.JsonNumber n) {
            text = authenticationFooter(n.intValue());
          }
          footer = text.isEmpty() ? null : text;
        }
        case "BUTTONS" -> {
          if (c.get("buttons") instanceof JsonArray list) {
            for (JsonValue b : list) {
              if (b instanceof JsonObject button) {
                buttons.add(label(button));
              }
            }
          }
        }
        default -> {}
      }
    }
    return new Rendered(media, header, body, footer, buttons);
  }

  private static String label(JsonObject button) {
    String type = string(button, "type").toUpperCase(Locale.ROOT);
    String text = string(button, "text");
    return switch (type) {
      case "COPY_CODE" -> text.isEmpty() ? "Copy offer code" : text;
      case "OTP" ->
          !text.isEmpty()
              ? text
              : "ONE_TAP".equalsIgnoreCase(string(button, "otp_type")) ? "Autofill" : "Copy code";
      default -> text;
    };
  }

  /** The template's own example values for the body, in the placeholders' order. */
  private static List<String> bodyExamples(JsonObject body, String text) {
    if (!(body.get("example") instanceof JsonObject example)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (example.get("body_text_named_params") instanceof JsonArray named) {
      Map<String, String> byName = new java.util.HashMap<>();
      for (JsonValue v : named) {
        if (v instanceof JsonObject p) {
          byName.put(string(p, "param_name"), string(p, "example"));
        }
      }
      for (String name : names(text)) {
        out.add(byName.get(name));
      }
    } else if (example.get("body_text") instanceof JsonArray rows
        && !rows.isEmpty()
        && rows.get(0) instanceof JsonArray row) {
      for (JsonValue v : row) {
        out.add(v instanceof JsonString s ? s.getString() : null);
      }
    }
    return out;
  }

  /**
   * Fills {{1}}..{{n}} by number, or named placeholders by the order they first appear (the order
   * of a send's values for a NAMED template).
   */
  public static String fillText(String text, List<String> values) {
    if (text == null) {
      return "";
    }
    List<String> names = names(text);
    boolean numbered = names.stream().allMatch(n -> n.matches("[0-9]+"));
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      int index = numbered ? Integer.parseInt(name) - 1 : names.indexOf(name);
      String value = index >= 0 && index < values.size() ? values.get(index) : null;
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The distinct placeholder names of a text, in the order they first appear. */
  public static List<String> names(String text) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      seen.add(m.group(1));
    }
    return List.copyOf(seen);
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : "";
  }
}
