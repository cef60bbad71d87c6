package in.picode.kretanote.outbound.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the template form asks for, turned into Meta's {@code components} array. Checked here, with
 * Meta's limits, so a user hears "the body uses {{1}} and {{2}}, give 2 examples" at once instead
 * of a refusal after Meta's review: body placeholders numbered from 1 without gaps, one example
 * value per placeholder (Meta rejects a template with variables and no examples), a text header of
 * 60 characters, a footer of 60, at most three buttons of 25 characters, URL buttons on https.
 */
public record TemplateDraft(
    String header, String body, List<String> examples, String footer, List<Button> buttons) {

  public static final int BODY_MAX = 1024;
  public static final int HEADER_MAX = 60;
  public static final int FOOTER_MAX = 60;
  public static final int BUTTON_TEXT_MAX = 25;
  public static final int BUTTONS_MAX = 3;
  public static final int URL_MAX = 2000;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

  /** A quick-reply button, or a URL button when {@code url} is given. */
  public record Button(String text, String url) {}

  public TemplateDraft {
    header = blankToNull(header);
    body = body == null ? "" : body.strip();
    footer = blankToNull(footer);
    examples = examples == null ? List.of() : List.copyOf(examples);
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /** Meta's components, or {@link IllegalArgumentException} with a sentence a user understands. */
  public JsonArray components() {
    JsonArrayBuilder out = Json.createArrayBuilder();
    if (header != null) {
      out.add(headerComponent());
    }
    out.add(bodyComponent());
    if (footer != null) {
      out.add(footerComponent());
    }
    if (!buttons.isEmpty()) {
      out.add(Json.createObjectBuilder().add("type", "BUTTONS").add("buttons", buttonArray()));
    }
    return out.build();
  }

  /**
   * Every problem of the draft at once, by the form's field ({@code header}, {@code body}, {@code
   * footer}, {@code buttons}), so the form can show them all next to their fields; empty when
   * {@link #components()} succeeds.
   */
  public Map<String, String> problems() {
    Map<String, String> out = new LinkedHashMap<>();
    check(out, "header", () -> header == null ? null : headerComponent());
    check(out, "body", this::bodyComponent);
    check(out, "footer", () -> footer == null ? null : footerComponent());
    check(out, "buttons", this::buttonArray);
    return out;
  }

  private static void check(Map<String, String> out, String field, Supplier<?> part) {
    try {
      part.get();
    } catch (IllegalArgumentException e) {
      out.put(field, e.getMessage());
    }
  }

  private JsonObjectBuilder headerComponent() {
    if (header.length() > HEADER_MAX) {
      throw new IllegalArgumentException("The header has at most " + HEADER_MAX + " characters.");
    }
    if (PLACEHOLDER.matcher(header).find()) {
      throw new IllegalArgumentException("The header cannot have placeholders here.");
    }
    return Json.createObjectBuilder()
        .add("type", "HEADER")
        .add("format", "TEXT")
        .add("text", header);
  }

  private JsonObjectBuilder footerComponent() {
    if (footer.length() > FOOTER_MAX) {
      throw new IllegalArgumentException("The footer has at most " + FOOTER_MAX + " characters.");
    }
    return Json.createObjectBuilder().add("type", "FOOTER").add("text", footer);
  }

  private JsonObjectBuilder bodyComponent() {
    if (body.isEmpty()) {
      throw new IllegalArgumentException("The body text is needed.");
    }
    if (body.length() > BODY_MAX) {
      throw new IllegalArgumentException("The body has at most " + BODY_MAX + " characters.");
    }
    int count = placeholders(body);
    List<String> values = examples.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (values.size() != count) {
      throw new IllegalArgumentException(
          count == 0
              ? "The body has no placeholders, so give no example values."
              : "The body uses "
                  + count
                  + (count == 1 ? " placeholder" : " placeholders")
                  + ": give one example value for each ("
                  + values.size()
                  + " given).");
    }
    JsonObjectBuilder b = Json.createObjectBuilder().add("type", "BODY").add("text", body);
    if (count > 0) {
      JsonArrayBuilder row = Json.createArrayBuilder();
      values.forEach(row::add);
      b.add(
          "example",
          Json.createObjectBuilder().add("body_text", Json.createArrayBuilder().add(row)));
    }
    return b;
  }

  /** How many placeholders {@code {{1}}..{{n}}} the text uses; refuses gaps and names. */
  static int placeholders(String text) {
    TreeSet<Integer> seen = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String inside = m.group(1);
      if (!inside.matches("[1-9][0-9]?")) {
        throw new IllegalArgumentException(
            "Placeholders are numbered {{1}}, {{2}}, …, not {{" + inside + "}}.");
      }
      seen.add(Integer.parseInt(inside));
    }
    if (!seen.isEmpty() && seen.last() != seen.size()) {
      throw new IllegalArgumentException(
          "Placeholders are numbered from {{1}} without gaps; the body uses " + seen + ".");
    }
    return seen.size();
  }

  private JsonArrayBuilder buttonArray() {
    if (buttons.size() > BUTTONS_MAX) {
      throw new IllegalArgumentException("At most " + BUTTONS_MAX + " buttons.");
    }
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (Button button : buttons) {
      String text = button.text() == null ? "" : button.text().strip();
      if (text.isEmpty() || text.length() > BUTTON_TEXT_MAX) {
        throw new IllegalArgumentException(
            "A button's text has 1 to " + BUTTON_TEXT_MAX + " characters.");
      }
      String url = blankToNull(button.url());
      if (url == null) {
        out.add(Json.createObjectBuilder().add("type", "QUICK_REPLY").add("text", text));
      } else {
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")
            || url.length() > URL_MAX
            || url.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException(
              "A button's link starts with https:// and has no spaces.");
        }
        out.add(Json.createObjectBuilder().add("type", "URL").add("text", text).add("url", url));
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
