package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.TemplateText;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A send form's values, one a line, dealt to a template's parts: the body's placeholders first (in
 * their order), then each button that takes a value (a link's {{1}}, a copy-code button's code), in
 * the buttons' order. Also says which media the header needs ({@code IMAGE}, {@code VIDEO}, {@code
 * DOCUMENT}), so the send form asks for it.
 */
public record TemplateValues(List<String> body, Map<Integer, List<String>> buttons) {

  public static TemplateValues split(MessageTemplate template, List<String> values) {
    JsonArray components = components(template);
    int bodyCount = 0;
    List<Integer> buttonIndexes = new ArrayList<>();
    for (JsonValue v : components) {
      if (!(v instanceof JsonObject c)) {
        continue;
      }
      String type = c.getString("type", "").toUpperCase(Locale.ROOT);
      if (type.equals("BODY")) {
        bodyCount = TemplateText.names(c.getString("text", "")).size();
      } else if (type.equals("BUTTONS") && c.get("buttons") instanceof JsonArray list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof JsonObject b) {
            String kind = b.getString("type", "").toUpperCase(Locale.ROOT);
            boolean variableLink =
                kind.equals("URL")
                    && !b.getString("url", "").startsWith("https://www.whatsapp.com/otp/")
                    && !TemplateText.names(b.getString("url", "")).isEmpty();
            if (variableLink || kind.equals("COPY_CODE")) {
              buttonIndexes.add(i);
            }
          }
        }
      }
    }
    List<String> body = new ArrayList<>(values.subList(0, Math.min(bodyCount, values.size())));
    Map<Integer, List<String>> buttons = new LinkedHashMap<>();
    int next = body.size();
    for (Integer index : buttonIndexes) {
      if (next < values.size()) {
        buttons.put(index, List.of(values.get(next++)));
      }
    }
    // Extra values stay with the body, so the send's check says how many too many were given.
    while (next < values.size()) {
      body.add(values.get(next++));
    }
    return new TemplateValues(body, buttons);
  }

  /** IMAGE, VIDEO or DOCUMENT when the template's header is media, else null. */
  public static String headerMedia(MessageTemplate template) {
    for (JsonValue v : components(template)) {
      if (v instanceof JsonObject c
          && c.getString("type", "").equalsIgnoreCase("HEADER")
          && !c.getString("format", "TEXT").equalsIgnoreCase("TEXT")) {
        return c.getString("format", "").toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static JsonArray components(MessageTemplate template) {
    try {
      return SendChecks.components(template.getComponents());
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
  }
}
