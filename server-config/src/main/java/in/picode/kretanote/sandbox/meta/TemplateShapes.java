package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template shapes Meta validates at {@code POST /{WABA}/message_templates}, and the sample
 * uploads of its Resumable Upload API: a media header (IMAGE, VIDEO, DOCUMENT) needs {@code
 * example.header_handle} with a handle this simulator gave for a file of that kind; variables need
 * examples ({@code body_text}, or {@code body_text_named_params} naming every placeholder when
 * {@code parameter_format} is NAMED); at most 10 buttons, 10 quick replies, 2 URL buttons and one
 * copy-code button; a URL with a variable needs an example; an AUTHENTICATION template is a body
 * (Meta's text), an optional expiry footer and one OTP button, which Meta keeps as a URL button.
 */
final class TemplateShapes {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  static final Map<String, Long> SAMPLE_TYPES =
      Map.of(
          "image/jpeg", 5L << 20,
          "image/jpg", 5L << 20,
          "image/png", 5L << 20,
          "video/mp4", 16L << 20,
          "application/pdf", 100L << 20);

  /** An open upload session: what its file must be. */
  record Session(String appId, long length, String type, String tokenHash) {}

  /** An uploaded sample: its handle's file type. */
  record Sample(String type, long length) {}

  final Map<String, Session> sessions = new ConcurrentHashMap<>();
  final Map<String, Sample> samples = new ConcurrentHashMap<>();

  /** Everything wrong with a template's shape, Meta's way; empty when it fits. */
  List<String> problems(String category, String parameterFormat, JsonArray components) {
    List<String> out = new ArrayList<>();
    boolean named = "NAMED".equalsIgnoreCase(parameterFormat);
    boolean auth = "AUTHENTICATION".equals(category);
    int otp = 0;
    for (JsonValue v : components) {
      if (!(v instanceof JsonObject c)) {
        out.add("components must be objects");
        continue;
      }
      String type = upper(c, "type");
      switch (type) {
        case "HEADER" -> {
          String format = upper(c, "format");
          if (auth) {
            out.add("Authentication templates have no header");
          }
          switch (format) {
            case "TEXT" -> {
              String text = MetaJson.string(c, "text");
              if (text == null || text.isBlank() || text.length() > 60) {
                out.add("HEADER text has 1 to 60 characters");
              }
            }
            case "IMAGE", "VIDEO", "DOCUMENT" -> {
              JsonObject example = MetaJson.object(c, "example");
              JsonArray handles = example == null ? null : MetaJson.array(example, "header_handle");
              String handle =
                  handles != null && !handles.isEmpty() && handles.get(0) instanceof JsonString s
                      ? s.getString()
                      : null;
              Sample sample = handle == null ? null : samples.get(handle);
              if (handle == null) {
                out.add("HEADER format " + format + " requires example.header_handle");
              } else if (sample == null) {
                out.add("example.header_handle is not a handle of an uploaded file");
              } else if (!fits(format, sample.type())) {
                out.add("The header_handle file (" + sample.type() + ") is not a " + format);
              }
            }
            case "LOCATION" -> {}
            default ->
                out.add(
                    "Param components[0]['format'] must be one of {TEXT, IMAGE, VIDEO, DOCUMENT,"
                        + " LOCATION} - got \""
                        + format
                        + "\"");
          }
        }
        case "BODY" -> {
          if (auth) {
            continue;
          }
          String text = MetaJson.string(c, "text");
          if (text == null || text.isBlank() || text.length() > 1024) {
            out.add("BODY text has 1 to 1024 characters");
            continue;
          }
          List<String> names = names(text);
          if (names.isEmpty()) {
            continue;
          }
          JsonObject example = MetaJson.object(c, "example");
          if (named) {
            JsonArray params =
                example == null ? null : MetaJson.array(example, "body_text_named_params");
            Set<String> given = new LinkedHashSet<>();
            if (params != null) {
              for (JsonValue p : params) {
                if (p instanceof JsonObject o
                    && MetaJson.string(o, "param_name") != null
                    && MetaJson.string(o, "example") != null
                    && !MetaJson.string(o, "example").isBlank()) {
                  given.add(MetaJson.string(o, "param_name"));
                }
              }
            }
            for (String name : names) {
              if (!given.contains(name)) {
                out.add(
                    "Named parameter {{" + name + "}} has no example in body_text_named_params");
              }
            }
          } else {
            if (names.stream().anyMatch(n -> !n.matches("[0-9]+"))) {
              out.add("Named parameters need parameter_format NAMED");
            }
            JsonArray rows = example == null ? null : MetaJson.array(example, "body_text");
            int given =
                rows != null && !rows.isEmpty() && rows.get(0) instanceof JsonArray row
                    ? row.size()
                    : 0;
            if (given != names.size()) {
              out.add(
                  "BODY has "
                      + names.size()
                      + " variables and "
                      + given
                      + " examples in example.body_text");
            }
          }
        }
        case "FOOTER" -> {
          String text = MetaJson.string(c, "text");
          if (!auth && (text == null || text.length() > 60)) {
            out.add("FOOTER text has at most 60 characters");
          }
          if (auth
              && c.get("code_expiration_minutes") instanceof JsonNumber n
              && (n.intValue() < 1 || n.intValue() > 90)) {
            out.add("code_expiration_minutes is 1 to 90");
          }
        }
        case "BUTTONS" -> {
          JsonArray buttons = MetaJson.array(c, "buttons");
          if (buttons == null || buttons.isEmpty()) {
            out.add("BUTTONS needs buttons");
            continue;
          }
          int quick = 0;
          int url = 0;
          int code = 0;
          if (buttons.size() > 10) {
            out.add("At most 10 buttons (" + buttons.size() + ")");
          }
          for (JsonValue b : buttons) {
            if (!(b instanceof JsonObject button)) {
              continue;
            }
            switch (upper(button, "type")) {
              case "QUICK_REPLY" -> quick++;
              case "URL" -> {
                url++;
                String link = MetaJson.string(button, "url");
                if (link != null && !names(link).isEmpty()) {
                  JsonArray example = MetaJson.array(button, "example");
                  if (example == null || example.isEmpty()) {
                    out.add("A URL button with a variable requires an example");
                  }
                }
              }
              case "COPY_CODE" -> {
                code++;
                String example = MetaJson.string(button, "example");
                if (example == null || example.isBlank() || example.length() > 15) {
                  out.add("A COPY_CODE button requires an example of at most 15 characters");
                }
              }
              case "OTP" -> {
                otp++;
                String otpType = upper(button, "otp_type");
                if (!Set.of("COPY_CODE", "ONE_TAP", "ZERO_TAP").contains(otpType)) {
                  out.add("otp_type must be one of {COPY_CODE, ONE_TAP, ZERO_TAP}");
                }
                if (otpType.equals("ONE_TAP") && MetaJson.array(button, "supported_apps") == null) {
                  out.add("A ONE_TAP button requires supported_apps");
                }
              }
              case "PHONE_NUMBER" -> {}
              default -> out.add("Unknown button type " + MetaJson.string(button, "type"));
            }
          }
          if (quick > 10) {
            out.add("At most 10 QUICK_REPLY buttons (" + quick + ")");
          }
          if (url > 2) {
            out.add("At most 2 URL buttons (" + url + ")");
          }
          if (code > 1) {
            out.add("At most 1 COPY_CODE button (" + code + ")");
          }
        }
        default -> out.add("Unknown component type " + MetaJson.string(c, "type"));
      }
    }
    if (auth && otp != 1) {
      out.add("An AUTHENTICATION template needs one OTP button");
    }
    if (!auth && otp > 0) {
      out.add("OTP buttons belong to AUTHENTICATION templates");
    }
    return out;
  }

  /**
   * What Meta stores for an authentication template: the body with its fixed text, the footer's
   * expiry sentence, and the OTP button as a URL button carrying the code.
   */
  static JsonArray stored(String category, JsonArray components) {
    if (!"AUTHENTICATION".equals(category)) {
      return components;
    }
    JsonArrayBuilder out = JSON.createArrayBuilder();
    for (JsonValue v : components) {
      JsonObject c = (JsonObject) v;
      switch (upper(c, "type")) {
        case "BODY" ->
            out.add(
                JSON.createObjectBuilder(c)
                    .add(
                        "text",
                        "*{{1}}* is your verification code."
                            + (c.getBoolean("add_security_recommendation", false)
                                ? " For your security, do not share this code."
                                : "")));
        case "FOOTER" ->
            out.add(
                c.get("code_expiration_minutes") instanceof JsonNumber n
                    ? JSON.createObjectBuilder(c)
                        .add("text", "This code expires in " + n.intValue() + " minutes.")
                        .build()
                    : c);
        case "BUTTONS" -> {
          JsonArrayBuilder buttons = JSON.createArrayBuilder();
          for (JsonValue b : MetaJson.array(c, "buttons")) {
            JsonObject button = (JsonObject) b;
            if ("OTP".equals(upper(button, "type"))) {
              String otpType = upper(button, "otp_type");
              JsonObjectBuilder url =
                  JSON.createObjectBuilder()
                      .add("type", "URL")
                      .add("text", otpType.equals("ONE_TAP") ? "Autofill" : "Copy code")
                      .add(
                          "url",
                          "https://www.whatsapp.com/otp/code/?otp_type="
                              + otpType
                              + "&code=otp{{1}}");
              buttons.add(url);
            } else {
              buttons.add(button);
            }
          }
          out.add(JSON.createObjectBuilder(c).add("buttons", buttons));
        }
        default -> out.add(c);
      }
    }
    return out.build();
  }

  static boolean fits(String format, String mime) {
    return switch (format) {
      case "IMAGE" -> mime.startsWith("image/");
      case "VIDEO" -> mime.equals("video/mp4");
      case "DOCUMENT" -> mime.equals("application/pdf");
      default -> false;
    };
  }

  static List<String> names(String text) {
    Set<String> seen = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      seen.add(m.group(1));
    }
    return List.copyOf(seen);
  }

  private static String upper(JsonObject o, String key) {
    String s = MetaJson.string(o, key);
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }
}
