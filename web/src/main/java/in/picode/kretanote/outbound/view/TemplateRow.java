package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.view.Texts;
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
 * with its {{n}} placeholders as written) and what its status means in plain words, Meta's
 * rejection reason included.
 */
public record TemplateRow(
    MessageTemplate template, String header, String body, String footer, String buttons) {

  private static final String T = "in.picode.kretanote.outbound.view.OutboundTexts";

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
    try (JsonReader r = Jsons.createReader(new StringReader(json))) {
      return r.readArray();
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
  }

  /**
   * What the status means, in words a business owner understands ("Waiting for Meta's review");
   * empty for a status Meta added that KretaNote cannot explain yet ({@link TemplateNames} still
   * names it).
   */
  public String getStatusWords() {
    String status = template.getStatus();
    return switch (status) {
      case "APPROVED" -> Texts.of(T, "templates.status.approved");
      case "PENDING" -> Texts.of(T, "templates.status.pending");
      case "IN_APPEAL" -> Texts.of(T, "templates.status.inAppeal");
      case "PENDING_DELETION" -> Texts.of(T, "templates.status.pendingDeletion");
      case "REJECTED" ->
          template.getReason() == null
              ? Texts.of(T, "templates.status.rejected")
              : Texts.of(T, "templates.status.rejectedBecause", reason(template.getReason()));
      case "PAUSED" -> Texts.of(T, "templates.status.paused");
      case "DISABLED" -> Texts.of(T, "templates.status.disabled");
      case "DELETED" -> Texts.of(T, "templates.status.deleted");
      default -> "";
    };
  }

  static String reason(String reason) {
    return switch (reason.toUpperCase(Locale.ROOT)) {
      case "ABUSIVE_CONTENT" -> Texts.of(T, "templates.reason.abusive");
      case "INVALID_FORMAT" -> Texts.of(T, "templates.reason.invalidFormat");
      case "INCORRECT_CATEGORY", "TAG_CONTENT_MISMATCH" -> Texts.of(T, "templates.reason.category");
      case "PROMOTIONAL" -> Texts.of(T, "templates.reason.promotional");
      case "SCAM" -> Texts.of(T, "templates.reason.scam");
      default -> reason.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /** The template as WhatsApp shows it, filled with its examples. */
  public Bubble getBubble() {
    return Bubble.of(in.picode.kretanote.outbound.boundary.TemplatePreview.of(template));
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
