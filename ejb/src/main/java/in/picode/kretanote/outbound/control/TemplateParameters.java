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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a template send's parameters against the template's components before Meta sees them, so
 * an agent hears "the body needs 2 values, you gave 1" instead of Meta's error 132000 later: the
 * count per component ({@code {{1}}} or {@code {{name}}} placeholders in a TEXT header, the body
 * and URL buttons), no empty value, Meta's lengths (header value 60, body value 1,024, button value
 * 2,000) and no line breaks, tabs or more than four spaces in a row in a body value.
 */
public final class TemplateParameters {

  static final int HEADER_VALUE_MAX = 60;
  static final int BODY_VALUE_MAX = 1024;
  static final int BUTTON_VALUE_MAX = 2000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  private TemplateParameters() {}

  /** The problems, in plain words; empty means the parameters fit. */
  public static List<String> problems(
      JsonArray components,
      List<String> header,
      List<String> body,
      Map<Integer, List<String>> buttons) {
    return problems(components, header, body, buttons, null);
  }

  /**
   * As above, with the send's media header (null: none): a template with an IMAGE, VIDEO or
   * DOCUMENT header needs one of that kind, and a template without one takes none. A copy-code
   * button needs its code; an authentication template's code button takes the body's code when
   * given nothing.
   */
  public static List<String> problems(
      JsonArray components,
      List<String> header,
      List<String> body,
      Map<Integer, List<String>> buttons,
      OutgoingContent.HeaderMedia media) {
    List<String> problems = new ArrayList<>();
    String mediaNeeded = null;
    java.util.Set<Integer> optional = new java.util.HashSet<>();
    int headerNeeds = 0;
    int bodyNeeds = 0;
    Map<Integer, Integer> buttonNeeds = new java.util.TreeMap<>();
    for (JsonValue v : components) {
      if (!(v instanceof JsonObject c)) {
        continue;
      }
      String type = string(c, "type").toUpperCase(Locale.ROOT);
      switch (type) {
        case "HEADER" -> {
          String format = string(c, "format");
          if (format.isEmpty() || "TEXT".equalsIgnoreCase(format)) {
            headerNeeds = placeholders(string(c, "text"));
          } else {
            mediaNeeded = format.toUpperCase(Locale.ROOT);
          }
        }
        case "BODY" -> bodyNeeds = placeholders(string(c, "text"));
        case "BUTTONS" -> {
          if (c.get("buttons") instanceof JsonArray list) {
            for (int i = 0; i < list.size(); i++) {
              if (!(list.get(i) instanceof JsonObject b)) {
                continue;
              }
              String buttonType = string(b, "type").toUpperCase(Locale.ROOT);
              boolean otp =
                  buttonType.equals("OTP") || string(b, "url").startsWith(TemplatePayload.OTP_URL);
              if (otp) {
                buttonNeeds.put(i, 1);
                optional.add(i);
              } else if (buttonType.equals("COPY_CODE")) {
                buttonNeeds.put(i, 1);
              } else if (buttonType.equals("URL")) {
                int n = placeholders(string(b, "url"));
                if (n > 0) {
                  buttonNeeds.put(i, n);
                }
              }
            }
          }
        }
        default -> {}
      }
    }
    if (mediaNeeded != null && media == null) {
      problems.add(
          "The header needs "
              + (mediaNeeded.equals("IMAGE") ? "an " : "a ")
              + mediaNeeded.toLowerCase(Locale.ROOT)
              + " (a media id or an https link)");
    } else if (mediaNeeded != null && !media.kind().name().equals(mediaNeeded)) {
      problems.add(
          "The header is "
              + (mediaNeeded.equals("IMAGE") ? "an " : "a ")
              + mediaNeeded.toLowerCase(Locale.ROOT)
              + ", not "
              + (media.kind() == OutgoingContent.MediaKind.IMAGE ? "an " : "a ")
              + media.kind().wire());
    } else if (mediaNeeded == null && media != null) {
      problems.add("The template has no media header");
    }
    count("The header", headerNeeds, header, problems);
    count("The body", bodyNeeds, body, problems);
    for (Map.Entry<Integer, Integer> need : buttonNeeds.entrySet()) {
      if (optional.contains(need.getKey())
          && buttons.getOrDefault(need.getKey(), List.of()).isEmpty()) {
        continue;
      }
      count(
          "Button " + (need.getKey() + 1),
          need.getValue(),
          buttons.getOrDefault(need.getKey(), List.of()),
          problems);
    }
    for (Integer index : buttons.keySet()) {
      if (!buttonNeeds.containsKey(index) && !buttons.get(index).isEmpty()) {
        problems.add("Button " + (index + 1) + " takes no values");
      }
    }
    values("header", header, HEADER_VALUE_MAX, false, problems);
    values("body", body, BODY_VALUE_MAX, true, problems);
    buttons.forEach((i, list) -> values("button", list, BUTTON_VALUE_MAX, false, problems));
    return problems;
  }

  /** How many distinct placeholders the template's body has. */
  public static int bodyPlaceholders(JsonArray components) {
    int n = 0;
    for (JsonValue v : components) {
      if (v instanceof JsonObject c && "BODY".equalsIgnoreCase(string(c, "type"))) {
        n = placeholders(string(c, "text"));
      }
    }
    return n;
  }

  static int placeholders(String text) {
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

  private static void count(String where, int needs, List<String> given, List<String> problems) {
    int n = given == null ? 0 : given.size();
    if (n != needs) {
      problems.add(
          where + " needs " + needs + (needs == 1 ? " value" : " values") + ", " + n + " given");
    }
  }

  private static void values(
      String where, List<String> values, int max, boolean body, List<String> problems) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String name = where + " value " + (i + 1);
      if (v == null || v.isBlank()) {
        problems.add("The " + name + " is empty");
      } else if (v.length() > max) {
        problems.add("The " + name + " has " + v.length() + " characters, at most " + max);
      } else if (body && (v.contains("\n") || v.contains("\t") || v.contains("     "))) {
        problems.add(
            "The " + name + " contains a line break, a tab or more than four spaces in a row");
      } else if (!body && (v.contains("\n") || v.contains("\r"))) {
        problems.add("The " + name + " contains a line break");
      }
    }
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : "";
  }
}
