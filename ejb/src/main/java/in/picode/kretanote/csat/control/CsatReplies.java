package in.picode.kretanote.csat.control;

import in.picode.kretanote.outbound.boundary.RichSending;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey's wire shapes. Asked with an interactive list of five rows, because WhatsApp reply
 * buttons stop at three (a list has up to ten rows; row titles at most 24 characters, descriptions
 * 72, ids 200). Each row's id names the survey and the rating ({@code csat-<survey>-<rating>}), so
 * the customer's {@code interactive.list_reply} (or {@code button_reply}) says both. A template's
 * quick-reply answer ({@code type button}) carries the button's text: its leading digit 1..5 is the
 * rating.
 */
public final class CsatReplies {

  private static final Pattern ROW_ID = Pattern.compile("csat-(\\d{1,18})-([1-5])");
  private static final Pattern LEADING_DIGIT = Pattern.compile("^\\s*([1-5])(?!\\d)");
  private static final int PAYLOAD_MAX = 16_384;
  private static final String[] LABELS = {"Very unhappy", "Unhappy", "Okay", "Happy", "Very happy"};

  /** A rating the customer chose; {@code surveyId} when the reply names its survey. */
  public record Choice(Optional<Long> surveyId, int rating) {}

  private CsatReplies() {}

  public static String rowId(long surveyId, int rating) {
    return "csat-" + surveyId + "-" + rating;
  }

  /** The five rows "1".."5" of the survey list. */
  public static List<RichSending.Choice> rows(long surveyId) {
    List<RichSending.Choice> rows = new ArrayList<>(5);
    for (int r = 1; r <= 5; r++) {
      rows.add(new RichSending.Choice(rowId(surveyId, r), Integer.toString(r), LABELS[r - 1]));
    }
    return rows;
  }

  /**
   * The rating in a customer's message, if it is an answer at all: an interactive list or button
   * reply with one of our row ids, or a template quick reply whose text starts with 1..5. {@code
   * type} is Meta's message type, {@code payload} the JSON of that type's object.
   */
  public static Optional<Choice> parse(String type, String payload) {
    if (payload == null || payload.length() > PAYLOAD_MAX) {
      return Optional.empty();
    }
    JsonObject o = object(payload);
    if (o == null) {
      return Optional.empty();
    }
    if ("interactive".equals(type)) {
      String kind = string(o, "type");
      if (!"list_reply".equals(kind) && !"button_reply".equals(kind)) {
        return Optional.empty();
      }
      JsonValue reply = o.get(kind);
      if (!(reply instanceof JsonObject r)) {
        return Optional.empty();
      }
      return byId(string(r, "id"));
    }
    if ("button".equals(type)) {
      Optional<Choice> byPayload = byId(string(o, "payload"));
      if (byPayload.isPresent()) {
        return byPayload;
      }
      String text = string(o, "text");
      if (text != null) {
        Matcher m = LEADING_DIGIT.matcher(text);
        if (m.find()) {
          return Optional.of(new Choice(Optional.empty(), Integer.parseInt(m.group(1))));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Choice> byId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Matcher m = ROW_ID.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Choice(Optional.of(Long.parseLong(m.group(1))), Integer.parseInt(m.group(2))));
  }

  private static JsonObject object(String json) {
    try (JsonReader r = Jsons.createReader(new StringReader(json))) {
      JsonValue v = r.readValue();
      return v instanceof JsonObject o ? o : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
