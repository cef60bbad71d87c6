package in.picode.kretanote.automation.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks a rule's definition ({@code {"conditions": [...], "actions": [...]}}) or a
 * macro's actions ({@code [...]}), each step {@code {"type": ..., params}}: every problem at once,
 * each prefixed with its step, so a save is refused with all of them.
 */
@ApplicationScoped
public class Definitions {

  public static final int JSON_MAX = 20_000;
  public static final int STEPS_MAX = 20;

  @Inject Registry registry;

  /** A step of a definition. */
  public record Step(String type, JsonObject params) {}

  /** The steps, or every problem found. */
  public record Checked(List<Step> conditions, List<Step> actions, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Checked rule(String json) {
    List<String> problems = new ArrayList<>();
    JsonValue root = read(json, problems);
    if (root == null) {
      return new Checked(List.of(), List.of(), problems);
    }
    if (!(root instanceof JsonObject o)) {
      problems.add("The definition is not a JSON object.");
      return new Checked(List.of(), List.of(), problems);
    }
    List<Step> conditions = steps(o.get("conditions"), true, false, problems);
    List<Step> actions = steps(o.get("actions"), false, false, problems);
    if (actions.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("Action"))) {
      problems.add("A rule needs at least one action.");
    }
    return new Checked(conditions, actions, problems);
  }

  public Checked macro(String json) {
    List<String> problems = new ArrayList<>();
    JsonValue root = read(json, problems);
    if (root == null) {
      return new Checked(List.of(), List.of(), problems);
    }
    List<Step> actions = steps(root, false, true, problems);
    if (actions.isEmpty() && problems.isEmpty()) {
      problems.add("A macro needs at least one action.");
    }
    return new Checked(List.of(), actions, problems);
  }

  private static JsonValue read(String json, List<String> problems) {
    if (json == null || json.isBlank()) {
      problems.add("The definition is empty.");
      return null;
    }
    if (json.length() > JSON_MAX) {
      problems.add("The definition has more than " + JSON_MAX + " characters.");
      return null;
    }
    try (JsonReader r = Jsons.createReader(new StringReader(json))) {
      return r.readValue();
    } catch (JsonException e) {
      problems.add("The definition is not valid JSON.");
      return null;
    }
  }

  private List<Step> steps(
      JsonValue value, boolean conditions, boolean macro, List<String> problems) {
    String what = conditions ? "Condition" : "Action";
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      problems.add(what + "s are not a list.");
      return List.of();
    }
    if (array.size() > STEPS_MAX) {
      problems.add("At most " + STEPS_MAX + " " + what.toLowerCase() + "s.");
      return List.of();
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = what + " " + (i + 1) + ": ";
      if (!(array.get(i) instanceof JsonObject step)) {
        problems.add(at + "not an object.");
        continue;
      }
      String type = Params.text(step, "type");
      List<String> found = new ArrayList<>();
      if (conditions) {
        Optional<Condition> c = registry.condition(type);
        if (c.isEmpty()) {
          found.add("unknown condition '" + type + "'.");
        } else {
          c.get().check(step, found);
        }
      } else {
        Optional<Action> a = registry.action(type);
        if (a.isEmpty()) {
          found.add("unknown action '" + type + "'.");
        } else if (macro && !a.get().forMacros()) {
          found.add("'" + a.get().words() + "' cannot be part of a macro.");
        } else {
          a.get().check(step, found);
        }
      }
      found.forEach(p -> problems.add(at + p));
      steps.add(new Step(type, step));
    }
    return steps;
  }
}
