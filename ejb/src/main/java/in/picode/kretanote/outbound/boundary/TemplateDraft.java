package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.TemplateText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * of a refusal after Meta's review:
 *
 * <ul>
 *   <li>body placeholders either numbered from {{1}} without gaps, or named ({@code
 *       {{first_name}}}, lowercase letters, digits and underscores: {@code parameter_format:
 *       NAMED} with {@code example.body_text_named_params}), one example per placeholder;
 *   <li>a header of TEXT (60 characters) or a media header (IMAGE, VIDEO, DOCUMENT) whose sample
 *       file Meta requires ({@code example.header_handle}, from the Resumable Upload API): JPEG or
 *       PNG up to 5 MB, MP4 up to 16 MB, PDF up to 100 MB;
 *   <li>a footer of 60 characters;
 *   <li>at most 10 buttons of 25 characters: up to 10 quick replies, 2 URL buttons (https, at most
 *       one variable at the end of the link, with an example link), 1 copy-code button (an example
 *       code of at most 15 characters); quick replies kept together, not mixed between the others;
 *   <li>an authentication template: Meta fixes its text ("<code> is your verification code."),
 *       KretaNote chooses only the security recommendation, the code's expiry (1 to 90 minutes) and
 *       the one-time-password button (copy code, or one-tap autofill with the Android app's package
 *       name and signature hash); no header, footer, media, links or other buttons.
 * </ul>
 */
public record TemplateDraft(
    String header,
    String body,
    List<String> examples,
    String footer,
    List<Button> buttons,
    HeaderFormat headerFormat,
    Sample sample,
    Otp otp) {

  public static final int BODY_MAX = 1024;
  public static final int HEADER_MAX = 60;
  public static final int FOOTER_MAX = 60;
  public static final int BUTTON_TEXT_MAX = 25;
  public static final int BUTTONS_MAX = 10;
  public static final int QUICK_REPLIES_MAX = 10;
  public static final int URL_BUTTONS_MAX = 2;
  public static final int COPY_CODE_MAX = 1;
  public static final int CODE_MAX = 15;
  public static final int URL_MAX = 2000;
  public static final int EXPIRY_MAX_MINUTES = 90;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,59}");
  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{11}");

  /** A header's kind: text, or one of the media Meta takes in a template header. */
  public enum HeaderFormat {
    TEXT,
    IMAGE,
    VIDEO,
    DOCUMENT;

    /** The sample types Meta's Resumable Upload API takes for this header, and the size limit. */
    public List<String> types() {
      return switch (this) {
        case IMAGE -> List.of("image/jpeg", "image/png");
        case VIDEO -> List.of("video/mp4");
        case DOCUMENT -> List.of("application/pdf");
        case TEXT -> List.of();
      };
    }

    public long maxBytes() {
      return switch (this) {
        case IMAGE -> 5L << 20;
        case VIDEO -> 16L << 20;
        case DOCUMENT -> 100L << 20;
        case TEXT -> 0;
      };
    }
  }

  /** A button's kind. */
  public enum ButtonType {
    QUICK_REPLY,
    URL,
    COPY_CODE
  }

  /**
   * A button: a quick reply; a URL button whose link may end in one variable {@code {{1}}}, then
   * with a full example link; or a copy-code button with an example code.
   */
  public record Button(ButtonType type, String text, String url, String example) {
    /** A quick-reply button, or a URL button when {@code url} is given. */
    public Button(String text, String url) {
      this(url == null || url.isBlank() ? ButtonType.QUICK_REPLY : ButtonType.URL, text, url, null);
    }
  }

  /** The media header's sample file: its type and size, and Meta's handle once uploaded. */
  public record Sample(String mimeType, long size, String handle) {}

  /**
   * An authentication template's options: {@code COPY_CODE} or {@code ONE_TAP} (then the Android
   * app's package name and 11-character signature hash), Meta's security recommendation, and the
   * code's expiry in minutes (null: none said).
   */
  public record Otp(
      String type,
      boolean securityRecommendation,
      Integer expiryMinutes,
      String packageName,
      String signatureHash) {}

  public TemplateDraft {
    header = blankToNull(header);
    body = body == null ? "" : body.strip();
    footer = blankToNull(footer);
    examples = examples == null ? List.of() : List.copyOf(examples);
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    if (headerFormat == null && header != null) {
      headerFormat = HeaderFormat.TEXT;
    }
  }

  /** A text-only draft (text header, body, footer, quick-reply and URL buttons). */
  public TemplateDraft(
      String header, String body, List<String> examples, String footer, List<Button> buttons) {
    this(header, body, examples, footer, buttons, null, null, null);
  }

  /** The same draft with Meta's handle of the uploaded sample. */
  public TemplateDraft withHandle(String handle) {
    return new TemplateDraft(
        header,
        body,
        examples,
        footer,
        buttons,
        headerFormat,
        new Sample(sample.mimeType(), sample.size(), handle),
        otp);
  }

  /** Whether the header is a media header, whose sample must be uploaded before creation. */
  public boolean mediaHeader() {
    return headerFormat != null && headerFormat != HeaderFormat.TEXT;
  }

  /** Whether the body's placeholders are named ({@code parameter_format: NAMED}). */
  public boolean named() {
    return otp == null && !names(body).isEmpty() && !names(body).get(0).matches("[0-9]+");
  }

  /** Meta's components, or {@link IllegalArgumentException} with a sentence a user understands. */
  public JsonArray components() {
    Map<String, String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems.values()));
    }
    if (mediaHeader() && sample.handle() == null) {
      throw new IllegalArgumentException("The header's sample has not been uploaded to Meta yet.");
    }
    return build(false);
  }

  /**
   * The components as KretaNote keeps them: as sent, except that an authentication template's body
   * and footer carry the text Meta fixes, so previews, history and parameter checks read it.
   */
  public JsonArray stored() {
    return build(true);
  }

  private JsonArray build(boolean stored) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    if (otp != null) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("type", "BODY")
              .add("add_security_recommendation", otp.securityRecommendation());
      if (stored) {
        b.add("text", TemplateText.authenticationBody(otp.securityRecommendation()));
      }
      out.add(b);
      if (otp.expiryMinutes() != null) {
        JsonObjectBuilder f =
            Json.createObjectBuilder()
                .add("type", "FOOTER")
                .add("code_expiration_minutes", otp.expiryMinutes());
        if (stored) {
          f.add("text", TemplateText.authenticationFooter(otp.expiryMinutes()));
        }
        out.add(f);
      }
      out.add(Json.createObjectBuilder().add("type", "BUTTONS").add("buttons", otpButton()));
      return out.build();
    }
    if (headerFormat != null) {
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
   * footer}, {@code buttons}, {@code otp}), so the form can show them all next to their fields;
   * empty when {@link #components()} succeeds. The sample's handle is not asked for here: it is
   * uploaded after these checks pass.
   */
  public Map<String, String> problems() {
    Map<String, String> out = new LinkedHashMap<>();
    if (otp != null) {
      List<String> wrong = new ArrayList<>();
      if (headerFormat != null) {
        wrong.add("An authentication template has no header.");
      }
      if (!body.isEmpty()) {
        wrong.add("Meta fixes an authentication template's text: leave the body empty.");
      }
      if (footer != null || !buttons.isEmpty()) {
        wrong.add("An authentication template has no footer and no buttons of its own.");
      }
      if (!wrong.isEmpty()) {
        out.put("body", String.join(" ", wrong));
      }
      check(out, "otp", this::otpButton);
      return out;
    }
    check(out, "header", () -> headerFormat == null ? null : headerComponent());
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
    if (headerFormat == HeaderFormat.TEXT) {
      if (header == null) {
        throw new IllegalArgumentException("A text header needs its text.");
      }
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
    String kind = headerFormat.name().toLowerCase(Locale.ROOT);
    if (header != null) {
      throw new IllegalArgumentException("A " + kind + " header has no text.");
    }
    if (sample == null || sample.size() <= 0) {
      throw new IllegalArgumentException(
          "Meta requires a sample " + kind + " for a " + kind + " header: choose a file.");
    }
    String type = sample.mimeType() == null ? "" : sample.mimeType().toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    if (!headerFormat.types().contains(type)) {
      problems.add(
          "A "
              + kind
              + " header's sample is "
              + String.join(" or ", headerFormat.types())
              + ", not "
              + (type.isEmpty() ? "an unknown type" : type)
              + ".");
    }
    if (sample.size() > headerFormat.maxBytes()) {
      problems.add(
          "The sample has "
              + megabytes(sample.size())
              + ", a "
              + kind
              + " header's at most "
              + megabytes(headerFormat.maxBytes())
              + ".");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    JsonObjectBuilder b =
        Json.createObjectBuilder().add("type", "HEADER").add("format", headerFormat.name());
    if (sample.handle() != null) {
      b.add(
          "example",
          Json.createObjectBuilder()
              .add("header_handle", Json.createArrayBuilder().add(sample.handle())));
    }
    return b;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
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
    List<String> names = placeholderNames(body);
    int count = names.size();
    List<String> values = examples.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (values.size() != count) {
      throw new IllegalArgumentException(
          count == 0
              ? "The body has no placeholders, so give no example values."
              : "The body uses "
                  + count
                  + (count == 1 ? " placeholder" : " placeholders")
                  + (named() ? " (" + String.join(", ", names) + ")" : "")
                  + ": give one example value for each, one a line ("
                  + values.size()
                  + " given).");
    }
    JsonObjectBuilder b = Json.createObjectBuilder().add("type", "BODY").add("text", body);
    if (count > 0 && named()) {
      JsonArrayBuilder params = Json.createArrayBuilder();
      for (int i = 0; i < count; i++) {
        params.add(
            Json.createObjectBuilder()
                .add("param_name", names.get(i))
                .add("example", values.get(i)));
      }
      b.add("example", Json.createObjectBuilder().add("body_text_named_params", params));
    } else if (count > 0) {
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

  /**
   * The body's placeholders in the order examples are given: {{1}}..{{n}} by number, or names in
   * the order they first appear; refuses a mix, gaps and names Meta does not take.
   */
  static List<String> placeholderNames(String text) {
    List<String> names = names(text);
    if (names.isEmpty() || names.get(0).matches("[0-9]+")) {
      int n = placeholders(text);
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        out.add(String.valueOf(i));
      }
      return out;
    }
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Named placeholders use lowercase letters, digits and underscores, starting with a"
                + " letter ({{first_name}}), and are not mixed with numbers: not {{"
                + name
                + "}}.");
      }
    }
    return names;
  }

  private static List<String> names(String text) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      seen.add(m.group(1));
    }
    return List.copyOf(seen);
  }

  private JsonArrayBuilder buttonArray() {
    List<String> problems = new ArrayList<>();
    if (buttons.size() > BUTTONS_MAX) {
      problems.add("At most " + BUTTONS_MAX + " buttons (" + buttons.size() + " given).");
    }
    long quick = buttons.stream().filter(b -> b.type() == ButtonType.QUICK_REPLY).count();
    long urls = buttons.stream().filter(b -> b.type() == ButtonType.URL).count();
    long codes = buttons.stream().filter(b -> b.type() == ButtonType.COPY_CODE).count();
    if (quick > QUICK_REPLIES_MAX) {
      problems.add("At most " + QUICK_REPLIES_MAX + " quick replies (" + quick + " given).");
    }
    if (urls > URL_BUTTONS_MAX) {
      problems.add("At most " + URL_BUTTONS_MAX + " link buttons (" + urls + " given).");
    }
    if (codes > COPY_CODE_MAX) {
      problems.add("At most one copy-code button.");
    }
    if (!grouped()) {
      problems.add("Quick replies go together, before or after the other buttons.");
    }
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (int i = 0; i < buttons.size(); i++) {
      Button button = buttons.get(i);
      String where = "Button " + (i + 1) + ": ";
      String text = button.text() == null ? "" : button.text().strip();
      ButtonType type = button.type() == null ? ButtonType.QUICK_REPLY : button.type();
      if (type != ButtonType.COPY_CODE && (text.isEmpty() || text.length() > BUTTON_TEXT_MAX)) {
        problems.add(where + "the text has 1 to " + BUTTON_TEXT_MAX + " characters.");
      }
      switch (type) {
        case QUICK_REPLY ->
            out.add(Json.createObjectBuilder().add("type", "QUICK_REPLY").add("text", text));
        case URL -> {
          String url = blankToNull(button.url());
          String example = blankToNull(button.example());
          List<String> vars = url == null ? List.of() : names(url);
          if (url == null
              || !url.toLowerCase(Locale.ROOT).startsWith("https://")
              || url.length() > URL_MAX
              || url.chars().anyMatch(Character::isWhitespace)) {
            problems.add(where + "the link starts with https:// and has no spaces.");
          } else if (vars.size() > 1 || (vars.size() == 1 && !url.endsWith("{{1}}"))) {
            problems.add(where + "a link has at most one variable, {{1}}, at its end.");
          } else if (vars.size() == 1 && example == null) {
            problems.add(
                where + "Meta requires an example of the full link for a link with {{1}}.");
          } else if (vars.size() == 1
              && (!example.toLowerCase(Locale.ROOT).startsWith("https://")
                  || example.contains("{{")
                  || example.length() > URL_MAX)) {
            problems.add(where + "the example is a full https:// link without {{1}}.");
          }
          JsonObjectBuilder b =
              Json.createObjectBuilder()
                  .add("type", "URL")
                  .add("text", text)
                  .add("url", url == null ? "" : url);
          if (!vars.isEmpty() && example != null) {
            b.add("example", Json.createArrayBuilder().add(example));
          }
          out.add(b);
        }
        case COPY_CODE -> {
          String example = blankToNull(button.example());
          if (example == null || example.length() > CODE_MAX) {
            problems.add(
                where
                    + "a copy-code button needs an example code of 1 to "
                    + CODE_MAX
                    + " characters.");
          }
          out.add(
              Json.createObjectBuilder()
                  .add("type", "COPY_CODE")
                  .add("example", example == null ? "" : example));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    return out;
  }

  /** Quick replies form one run: they may come first or last, never between other buttons. */
  private boolean grouped() {
    int runs = 0;
    Boolean last = null;
    for (Button b : buttons) {
      boolean quick = b.type() == null || b.type() == ButtonType.QUICK_REPLY;
      if (quick && !Boolean.TRUE.equals(last)) {
        runs++;
      }
      last = quick;
    }
    return runs <= 1;
  }

  private JsonArrayBuilder otpButton() {
    List<String> problems = new ArrayList<>();
    String type = otp.type() == null ? "" : otp.type().strip().toUpperCase(Locale.ROOT);
    if (!type.equals("COPY_CODE") && !type.equals("ONE_TAP")) {
      problems.add("Choose the code button: copy code or one-tap autofill.");
    }
    Integer minutes = otp.expiryMinutes();
    if (minutes != null && (minutes < 1 || minutes > EXPIRY_MAX_MINUTES)) {
      problems.add("The code expires after 1 to " + EXPIRY_MAX_MINUTES + " minutes.");
    }
    JsonObjectBuilder b = Json.createObjectBuilder().add("type", "OTP").add("otp_type", type);
    if (type.equals("ONE_TAP")) {
      String pkg = blankToNull(otp.packageName());
      String hash = blankToNull(otp.signatureHash());
      if (pkg == null || !PACKAGE.matcher(pkg).matches() || pkg.length() > 224) {
        problems.add("One-tap autofill needs the Android app's package name (com.example.app).");
      }
      if (hash == null || !SIGNATURE.matcher(hash).matches()) {
        problems.add("One-tap autofill needs the app's 11-character signature hash.");
      }
      b.add(
          "supported_apps",
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add("package_name", pkg == null ? "" : pkg)
                      .add("signature_hash", hash == null ? "" : hash)));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    return Json.createArrayBuilder().add(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
