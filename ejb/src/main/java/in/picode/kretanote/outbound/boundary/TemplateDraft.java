package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.AuthenticationTemplateCheck;
import in.picode.kretanote.outbound.control.DraftText;
import in.picode.kretanote.outbound.control.InvalidDraftException;
import in.picode.kretanote.outbound.control.TemplateButtonCheck;
import in.picode.kretanote.outbound.control.TemplateHeaderCheck;
import in.picode.kretanote.outbound.control.TemplateText;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    header = DraftText.blankToNull(header);
    body = body == null ? "" : body.strip();
    footer = DraftText.blankToNull(footer);
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
    return otp == null
        && !DraftText.names(body).isEmpty()
        && !DraftText.names(body).get(0).matches("[0-9]+");
  }

  /**
   * Meta's components, or {@link IllegalArgumentException} (an {@link InvalidDraftException}) with
   * the sentences a user understands.
   */
  public JsonArray components() {
    Map<String, List<Wording>> problems = wordedProblems();
    if (!problems.isEmpty()) {
      throw new InvalidDraftException(problems.values().stream().flatMap(List::stream).toList());
    }
    if (mediaHeader() && sample.handle() == null) {
      throw new InvalidDraftException(TemplateWords.SAMPLE_NOT_UPLOADED.with());
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
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    if (otp != null) {
      JsonObjectBuilder b =
          Jsons.createObjectBuilder()
              .add("type", "BODY")
              .add("add_security_recommendation", otp.securityRecommendation());
      if (stored) {
        b.add("text", TemplateText.authenticationBody(otp.securityRecommendation()));
      }
      out.add(b);
      if (otp.expiryMinutes() != null) {
        JsonObjectBuilder f =
            Jsons.createObjectBuilder()
                .add("type", "FOOTER")
                .add("code_expiration_minutes", otp.expiryMinutes());
        if (stored) {
          f.add("text", TemplateText.authenticationFooter(otp.expiryMinutes()));
        }
        out.add(f);
      }
      out.add(
          Jsons.createObjectBuilder()
              .add("type", "BUTTONS")
              .add("buttons", AuthenticationTemplateCheck.otpButton(otp)));
      return out.build();
    }
    if (headerFormat != null) {
      out.add(TemplateHeaderCheck.component(header, headerFormat, sample));
    }
    out.add(bodyComponent());
    if (footer != null) {
      out.add(footerComponent());
    }
    if (!buttons.isEmpty()) {
      out.add(
          Jsons.createObjectBuilder()
              .add("type", "BUTTONS")
              .add("buttons", TemplateButtonCheck.buttonArray(buttons)));
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
    return english(wordedProblems());
  }

  /** A form's problems by field in English, each field's sentences in one line. */
  static Map<String, String> english(Map<String, List<Wording>> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    problems.forEach((field, w) -> out.put(field, String.join(" ", Wording.english(w))));
    return out;
  }

  /** {@link #problems()} as wordings, for the form to show in the reader's language. */
  public Map<String, List<Wording>> wordedProblems() {
    Map<String, List<Wording>> out = new LinkedHashMap<>();
    if (otp != null) {
      List<Wording> wrong = new ArrayList<>();
      if (headerFormat != null) {
        wrong.add(TemplateWords.AUTH_NO_HEADER.with());
      }
      if (!body.isEmpty()) {
        wrong.add(TemplateWords.AUTH_NO_BODY.with());
      }
      if (footer != null || !buttons.isEmpty()) {
        wrong.add(TemplateWords.AUTH_NO_FOOTER.with());
      }
      if (!wrong.isEmpty()) {
        out.put("body", wrong);
      }
      check(out, "otp", () -> AuthenticationTemplateCheck.otpButton(otp));
      return out;
    }
    check(
        out,
        "header",
        () ->
            headerFormat == null
                ? null
                : TemplateHeaderCheck.component(header, headerFormat, sample));
    check(out, "body", this::bodyComponent);
    check(out, "footer", () -> footer == null ? null : footerComponent());
    check(out, "buttons", () -> TemplateButtonCheck.buttonArray(buttons));
    return out;
  }

  private static void check(Map<String, List<Wording>> out, String field, Supplier<?> part) {
    try {
      part.get();
    } catch (IllegalArgumentException e) {
      out.put(
          field,
          e instanceof Wording.Worded w ? w.wordings() : List.of(Wording.unworded(e.getMessage())));
    }
  }

  private JsonObjectBuilder footerComponent() {
    if (footer.length() > FOOTER_MAX) {
      throw new InvalidDraftException(TemplateWords.FOOTER_TOO_LONG.with(FOOTER_MAX));
    }
    return Jsons.createObjectBuilder().add("type", "FOOTER").add("text", footer);
  }

  private JsonObjectBuilder bodyComponent() {
    if (body.isEmpty()) {
      throw new InvalidDraftException(TemplateWords.BODY_MISSING.with());
    }
    if (body.length() > BODY_MAX) {
      throw new InvalidDraftException(TemplateWords.BODY_TOO_LONG.with(BODY_MAX));
    }
    List<String> names = DraftText.placeholderNames(body);
    int count = names.size();
    List<String> values = examples.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (values.size() != count) {
      throw new InvalidDraftException(
          count == 0
              ? TemplateWords.BODY_NO_EXAMPLES.with()
              : named()
                  ? TemplateWords.BODY_EXAMPLES_NAMED.with(
                      count, values.size(), String.join(", ", names))
                  : TemplateWords.BODY_EXAMPLES.with(count, values.size()));
    }
    JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "BODY").add("text", body);
    if (count > 0 && named()) {
      JsonArrayBuilder params = Jsons.createArrayBuilder();
      for (int i = 0; i < count; i++) {
        params.add(
            Jsons.createObjectBuilder()
                .add("param_name", names.get(i))
                .add("example", values.get(i)));
      }
      b.add("example", Jsons.createObjectBuilder().add("body_text_named_params", params));
    } else if (count > 0) {
      JsonArrayBuilder row = Jsons.createArrayBuilder();
      values.forEach(row::add);
      b.add(
          "example",
          Jsons.createObjectBuilder().add("body_text", Jsons.createArrayBuilder().add(row)));
    }
    return b;
  }
}
