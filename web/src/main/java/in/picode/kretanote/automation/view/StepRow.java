package in.picode.kretanote.automation.view;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;

/**
 * One condition or action as the settings forms edit it: a type and one text value, turned into the
 * step's JSON (and back). The boundary checks the JSON; this class only maps the form's one field
 * onto each type's parameters ("Field=value" for custom fields, "inside"/"outside" for business
 * hours, "id: value | value" for a template's values, "es, pt" for languages).
 */
public class StepRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private String type;
  private String value;

  public StepRow() {}

  public StepRow(String type, String value) {
    this.type = type;
    this.value = value;
  }

  public JsonObject toJson() {
    String v = value == null ? "" : value.strip();
    JsonObjectBuilder o = Jsons.createObjectBuilder().add("type", type == null ? "" : type);
    boolean not = v.startsWith("!");
    String bare = not ? v.substring(1).strip() : v;
    String[] pair = v.split("=", 2);
    switch (type == null ? "" : type) {
      case "text_contains" -> o.add("keywords", v);
      case "contact_tag" -> o.add("tag", bare).add("present", !not);
      case "label" -> o.add("label", bare).add("present", !not);
      case "custom_field", "set_field" ->
          o.add("field", pair[0].strip()).add("value", pair.length > 1 ? pair[1].strip() : "");
      case "assignee", "assign" -> {
        if (!v.isEmpty()) {
          o.add("userId", v);
        }
      }
      case "team", "assign_team" -> {
        if (!v.isEmpty()) {
          o.add("teamId", v);
        }
      }
      case "business_hours" -> o.add("inside", !v.equalsIgnoreCase("outside"));
      case "channel" -> o.add("connectionId", v);
      case "first_message" -> o.add("first", !v.equalsIgnoreCase("no"));
      case "language" -> o.add("languages", v);
      case "add_label", "remove_label" -> o.add("label", v);
      case "add_tag", "remove_tag" -> o.add("tag", v);
      case "send_canned" -> o.add("cannedId", v);
      case "send_template" -> {
        String[] parts = v.split(":", 2);
        JsonArrayBuilder values = Jsons.createArrayBuilder();
        if (parts.length > 1) {
          for (String part : parts[1].split("\\|")) {
            values.add(part.strip());
          }
        }
        o.add("templateId", parts[0].strip()).add("values", values);
      }
      case "add_note" -> o.add("text", v);
      case "snooze" -> o.add("minutes", v);
      case "priority" -> o.add("priority", v);
      case "webhook" -> o.add("tag", v);
      default -> {
        // resolve, or a type the boundary will refuse
      }
    }
    return o.build();
  }

  /** The row that edits a saved step. */
  public static StepRow of(JsonObject step) {
    String type = step.getString("type", "");
    String v =
        switch (type) {
          case "text_contains" -> text(step, "keywords");
          case "contact_tag" -> (flag(step, "present") ? "" : "!") + text(step, "tag");
          case "label" -> (flag(step, "present") ? "" : "!") + text(step, "label");
          case "custom_field", "set_field" -> text(step, "field") + "=" + text(step, "value");
          case "assignee", "assign" -> text(step, "userId");
          case "team", "assign_team" -> text(step, "teamId");
          case "business_hours" -> flag(step, "inside") ? "inside" : "outside";
          case "channel" -> text(step, "connectionId");
          case "first_message" -> flag(step, "first") ? "yes" : "no";
          case "language" -> text(step, "languages");
          case "add_label", "remove_label" -> text(step, "label");
          case "add_tag", "remove_tag" -> text(step, "tag");
          case "send_canned" -> text(step, "cannedId");
          case "send_template" -> template(step);
          case "add_note" -> text(step, "text");
          case "snooze" -> text(step, "minutes");
          case "priority" -> text(step, "priority");
          case "webhook" -> text(step, "tag");
          default -> "";
        };
    return new StepRow(type, v);
  }

  private static String template(JsonObject step) {
    StringBuilder b = new StringBuilder(text(step, "templateId"));
    if (step.get("values") instanceof jakarta.json.JsonArray a && !a.isEmpty()) {
      b.append(": ");
      for (int i = 0; i < a.size(); i++) {
        b.append(i == 0 ? "" : " | ")
            .append(a.get(i) instanceof JsonString s ? s.getString() : a.get(i).toString());
      }
    }
    return b.toString();
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v == JsonValue.NULL) {
      return "";
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  private static boolean flag(JsonObject o, String key) {
    return o.get(key) != JsonValue.FALSE;
  }

  public String getHint() {
    return AutomationLabels.hint(type);
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
