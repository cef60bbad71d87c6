package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Meta's {@code template} object for a send, shaped by the template's components: a media header as
 * {@code {"type":"image","image":{"id"|"link"}}}, text values as {@code {"type":"text"}} with
 * {@code parameter_name} for a NAMED template, a URL button's value with {@code sub_type: url}, a
 * copy-code button's as {@code coupon_code}, and an authentication template's code button (OTP, or
 * the URL button Meta turns it into) filled with the code the body carries.
 */
final class TemplatePayload {

  private TemplatePayload() {}

  static JsonObjectBuilder of(OutgoingContent.Template t, JsonArray components) {
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    List<String> bodyNames = List.of();
    List<String> headerNames = List.of();
    JsonArray buttons = null;
    for (JsonValue v : components) {
      if (v instanceof JsonObject c) {
        switch (string(c, "type").toUpperCase(Locale.ROOT)) {
          case "BODY" -> bodyNames = TemplateText.names(string(c, "text"));
          case "HEADER" -> headerNames = TemplateText.names(string(c, "text"));
          case "BUTTONS" -> buttons = c.get("buttons") instanceof JsonArray a ? a : null;
          default -> {}
        }
      }
    }
    if (t.headerMedia() != null) {
      out.add(mediaHeader(t.headerMedia()));
    } else if (!t.header().isEmpty()) {
      out.add(texts("header", t.header(), headerNames));
    }
    if (!t.body().isEmpty()) {
      out.add(texts("body", t.body(), bodyNames));
    }
    for (int i = 0; buttons != null && i < buttons.size(); i++) {
      if (!(buttons.get(i) instanceof JsonObject b)) {
        continue;
      }
      String type = string(b, "type").toUpperCase(Locale.ROOT);
      List<String> given = t.buttons().get(i);
      boolean otp = type.equals("OTP") || string(b, "url").startsWith(OTP_URL);
      if (otp && (given == null || given.isEmpty()) && !t.body().isEmpty()) {
        given = List.of(t.body().get(0));
      }
      if (given == null || given.isEmpty()) {
        continue;
      }
      JsonObjectBuilder parameter =
          type.equals("COPY_CODE")
              ? Jsons.createObjectBuilder()
                  .add("type", "coupon_code")
                  .add("coupon_code", given.get(0))
              : Jsons.createObjectBuilder().add("type", "text").add("text", given.get(0));
      out.add(
          Jsons.createObjectBuilder()
              .add("type", "button")
              .add("sub_type", type.equals("COPY_CODE") ? "copy_code" : "url")
              .add("index", String.valueOf(i))
              .add("parameters", Jsons.createArrayBuilder().add(parameter)));
    }
    return Jsons.createObjectBuilder()
        .add("name", t.name())
        .add("language", Jsons.createObjectBuilder().add("code", t.language()))
        .add("components", out);
  }

  /** The link Meta gives an authentication template's code button. */
  static final String OTP_URL = "https://www.whatsapp.com/otp/";

  static JsonObjectBuilder mediaHeader(OutgoingContent.HeaderMedia media) {
    String kind = media.kind().wire();
    JsonObjectBuilder object = Jsons.createObjectBuilder();
    if (media.id() != null) {
      object.add("id", media.id());
    } else {
      object.add("link", media.link());
    }
    return Jsons.createObjectBuilder()
        .add("type", "header")
        .add(
            "parameters",
            Jsons.createArrayBuilder()
                .add(Jsons.createObjectBuilder().add("type", kind).add(kind, object)));
  }

  private static JsonObjectBuilder texts(String type, List<String> values, List<String> names) {
    boolean named = !names.isEmpty() && !names.get(0).matches("[0-9]+");
    JsonArrayBuilder parameters = Jsons.createArrayBuilder();
    for (int i = 0; i < values.size(); i++) {
      JsonObjectBuilder p = Jsons.createObjectBuilder().add("type", "text");
      if (named && i < names.size()) {
        p.add("parameter_name", names.get(i));
      }
      parameters.add(p.add("text", values.get(i)));
    }
    return Jsons.createObjectBuilder().add("type", type).add("parameters", parameters);
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : "";
  }
}
