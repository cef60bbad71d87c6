package in.picode.kretanote.inbound.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of the three template fields besides statuses, read leniently from the stored JSON.
 * Shapes from Meta's webhook references (developers.facebook.com, WhatsApp webhooks reference,
 * pages message_template_quality_update, template_category_update and
 * message_template_components_update): all carry {@code message_template_id}, {@code
 * message_template_name} and {@code message_template_language}; quality adds {@code
 * new_quality_score}/{@code previous_quality_score}; category adds {@code new_category} with {@code
 * previous_category} (done) or {@code correct_category} (impending); components adds {@code
 * message_template_element} (body), {@code message_template_title} (text header), {@code
 * message_template_footer} and {@code message_template_buttons[]} ({@code
 * message_template_button_type}, {@code _text}, {@code _url}, {@code _phone_number}).
 */
public record TemplateUpdate(
    String field,
    Optional<String> templateId,
    Optional<String> name,
    Optional<String> language,
    Optional<String> quality,
    Optional<String> previousQuality,
    Optional<String> newCategory,
    Optional<String> previousCategory,
    boolean categoryPending,
    Optional<String> body,
    Optional<String> title,
    Optional<String> footer,
    List<List<String>> buttons) {

  public static final String QUALITY_FIELD = "message_template_quality_update";
  public static final String CATEGORY_FIELD = "template_category_update";
  public static final String COMPONENTS_FIELD = "message_template_components_update";

  public static boolean handles(String field) {
    return QUALITY_FIELD.equals(field)
        || CATEGORY_FIELD.equals(field)
        || COMPONENTS_FIELD.equals(field);
  }

  /**
   * The update, or a reason why it cannot be applied (no template named, no new value), which the
   * applier records as the event's issue.
   */
  public static Either read(String field, String valueJson) {
    JsonObject v;
    try (JsonReader r = Jsons.createReader(new StringReader(valueJson))) {
      JsonValue value = r.readValue();
      if (!(value instanceof JsonObject o)) {
        return Either.refused("the value is not an object");
      }
      v = o;
    } catch (RuntimeException e) {
      return Either.refused("the value is not JSON");
    }
    Optional<String> id = text(v, "message_template_id");
    Optional<String> name = text(v, "message_template_name");
    Optional<String> language = text(v, "message_template_language");
    if (id.isEmpty() && (name.isEmpty() || language.isEmpty())) {
      return Either.refused("names no template (no message_template_id, name and language)");
    }
    Optional<String> quality = text(v, "new_quality_score");
    Optional<String> newCategory = text(v, "new_category");
    Optional<String> correct = text(v, "correct_category");
    Optional<String> body = text(v, "message_template_element");
    List<List<String>> buttons = new ArrayList<>();
    if (v.get("message_template_buttons") instanceof JsonArray array) {
      for (JsonValue b : array) {
        if (b instanceof JsonObject button) {
          buttons.add(
              java.util.Arrays.asList(
                  text(button, "message_template_button_type").orElse(null),
                  text(button, "message_template_button_text").orElse(null),
                  text(button, "message_template_button_url").orElse(null),
                  text(button, "message_template_button_phone_number").orElse(null)));
        }
      }
    }
    switch (field) {
      case QUALITY_FIELD -> {
        if (quality.isEmpty()) {
          return Either.refused("has no new_quality_score");
        }
      }
      case CATEGORY_FIELD -> {
        if (newCategory.isEmpty() && correct.isEmpty()) {
          return Either.refused("has no new_category");
        }
      }
      case COMPONENTS_FIELD -> {
        if (body.isEmpty()) {
          return Either.refused("has no message_template_element (body)");
        }
      }
      default -> {
        return Either.refused("is not a template update");
      }
    }
    boolean pending = correct.isPresent() && text(v, "previous_category").isEmpty();
    return new Either(
        Optional.of(
            new TemplateUpdate(
                field,
                id,
                name,
                language,
                quality,
                text(v, "previous_quality_score"),
                pending ? correct : newCategory,
                text(v, "previous_category").or(() -> pending ? newCategory : Optional.empty()),
                pending,
                body,
                text(v, "message_template_title"),
                text(v, "message_template_footer"),
                buttons)),
        Optional.empty());
  }

  /** The update read, or why not. */
  public record Either(Optional<TemplateUpdate> update, Optional<String> refusal) {
    static Either refused(String why) {
      return new Either(Optional.empty(), Optional.of(why));
    }
  }

  private static Optional<String> text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v instanceof JsonString s && !s.getString().isBlank()) {
      return Optional.of(s.getString());
    }
    if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
      return Optional.of(v.toString());
    }
    return Optional.empty();
  }
}
