package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.entity.MessageTemplate;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template as the templates page shows it: the texts of its components as stored from Meta (body
 * with its {{n}} placeholders as written) and its status in plain words, Meta's rejection reason
 * included.
 */
public record TemplateRow(
    MessageTemplate template, String header, String body, String footer, String buttons) {

  public static TemplateRow of(MessageTemplate t) {
    String header = null;
    String body = "";
    String footer = null;
    List<String> buttons = new ArrayList<>();
    for (JsonValue v : components(t.getComponents())) {
      if (!(v instanceof JsonObject c)) {
        continue;
      }
      switch (c.getString("type", "").toUpperCase(Locale.ROOT)) {
        case "HEADER" ->
            header =
                c.containsKey("text")
                    ? c.getString("text", "")
                    : "(" + c.getString("format", "media").toLowerCase(Locale.ROOT) + ")";
        case "BODY" -> body = c.getString("text", "");
        case "FOOTER" -> footer = c.getString("text", null);
        case "BUTTONS" -> {
          JsonArray list =
              c.containsKey("buttons") ? c.getJsonArray("buttons") : JsonValue.EMPTY_JSON_ARRAY;
          for (JsonValue b : list) {
            if (b instanceof JsonObject button) {
              String url = button.getString("url", null);
              buttons.add(
                  "[" + button.getString("text", "") + (url == null ? "" : " → " + url) + "]");
            }
          }
        }
        default -> {}
      }
    }
    return new TemplateRow(t, header, body, footer, String.join(" ", buttons));
  }

  private static JsonArray components(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readArray();
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
  }

  /** The status in words a business owner understands. */
  public String getStatusWords() {
    String status = template.getStatus();
    return switch (status) {
      case "APPROVED" -> "Approved: ready to send.";
      case "PENDING", "IN_APPEAL" -> "Waiting for Meta's review.";
      case "REJECTED" ->
          "Rejected by Meta"
              + (template.getReason() == null ? "." : ": " + reason(template.getReason()) + ".");
      case "PAUSED" ->
          "Paused by Meta because customers reported or blocked it; it cannot be sent for now.";
      case "DISABLED" ->
          "Disabled by Meta after repeated pauses for low quality; create a new template.";
      case "DELETED" -> "Deleted.";
      default -> status.toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
    };
  }

  static String reason(String reason) {
    return switch (reason.toUpperCase(Locale.ROOT)) {
      case "ABUSIVE_CONTENT" -> "its content breaks WhatsApp's commerce or business policies";
      case "INVALID_FORMAT" ->
          "its format is invalid (placeholders, example values, length or characters)";
      case "INCORRECT_CATEGORY", "TAG_CONTENT_MISMATCH" -> "the category does not fit the content";
      case "PROMOTIONAL" -> "it promotes something, so it belongs in the MARKETING category";
      case "SCAM" -> "Meta considers it misleading";
      default -> reason.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  public MessageTemplate getTemplate() {
    return template;
  }

  public String getHeader() {
    return header;
  }

  public String getBody() {
    return body;
  }

  public String getFooter() {
    return footer;
  }

  public String getButtons() {
    return buttons;
  }
}
