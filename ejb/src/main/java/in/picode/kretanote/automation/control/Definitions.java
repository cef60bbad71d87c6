package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
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
  public record Checked(List<Step> conditions, List<Step> actions, List<Wording> wordings) {
    public boolean ok() {
      return wordings.isEmpty();
    }

    /** The problems in English (the logs). */
    public List<String> problems() {
      return Wording.english(wordings);
    }

    /** Why a rule with these problems pauses itself: "Paused: " and the first problem. */
    public Wording pauseReason() {
      return AutomationWords.PAUSED_BECAUSE.with(wordings.get(0));
    }
  }

  public Checked rule(String json) {
    List<Wording> problems = new ArrayList<>();
    JsonValue root = read(json, problems);
    if (root == null) {
      return new Checked(List.of(), List.of(), problems);
    }
    if (!(root instanceof JsonObject o)) {
      problems.add(AutomationWords.DEFINITION_NOT_OBJECT.with());
      return new Checked(List.of(), List.of(), problems);
    }
    List<Step> conditions = steps(o.get("conditions"), true, false, problems);
    int before = problems.size();
    List<Step> actions = steps(o.get("actions"), false, false, problems);
    if (actions.isEmpty() && problems.size() == before) {
      problems.add(AutomationWords.RULE_NO_ACTION.with());
    }
    return new Checked(conditions, actions, problems);
  }

  public Checked macro(String json) {
    List<Wording> problems = new ArrayList<>();
    JsonValue root = read(json, problems);
    if (root == null) {
      return new Checked(List.of(), List.of(), problems);
    }
    List<Step> actions = steps(root, false, true, problems);
    if (actions.isEmpty() && problems.isEmpty()) {
      problems.add(AutomationWords.MACRO_NO_ACTION.with());
    }
    return new Checked(List.of(), actions, problems);
  }

  private static JsonValue read(String json, List<Wording> problems) {
    if (json == null || json.isBlank()) {
      problems.add(AutomationWords.DEFINITION_EMPTY.with());
      return null;
    }
    if (json.length() > JSON_MAX) {
      problems.add(AutomationWords.DEFINITION_TOO_LONG.with(JSON_MAX));
      return null;
    }
    try (JsonReader r = Jsons.createReader(new StringReader(json))) {
      return r.readValue();
    } catch (JsonException e) {
      problems.add(AutomationWords.DEFINITION_NOT_JSON.with());
      return null;
    }
  }

  private List<Step> steps(
      JsonValue value, boolean conditions, boolean macro, List<Wording> problems) {
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      problems.add(
          (conditions ? AutomationWords.CONDITIONS_NOT_LIST : AutomationWords.ACTIONS_NOT_LIST)
              .with());
      return List.of();
    }
    if (array.size() > STEPS_MAX) {
      problems.add(
          (conditions ? AutomationWords.CONDITIONS_MAX : AutomationWords.ACTIONS_MAX)
              .with(STEPS_MAX));
      return List.of();
    }
    AutomationWords at = conditions ? AutomationWords.CONDITION_AT : AutomationWords.ACTION_AT;
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      int n = i + 1;
      if (!(array.get(i) instanceof JsonObject step)) {
        problems.add(at.with(n, AutomationWords.STEP_NOT_OBJECT.with()));
        continue;
      }
      String type = Params.text(step, "type");
      List<Wording> found = new ArrayList<>();
      if (conditions) {
        Optional<Condition> c = registry.condition(type);
        if (c.isEmpty()) {
          found.add(AutomationWords.UNKNOWN_CONDITION.with(String.valueOf(type)));
        } else {
          c.get().check(step, found);
        }
      } else {
        Optional<Action> a = registry.action(type);
        if (a.isEmpty()) {
          found.add(AutomationWords.UNKNOWN_ACTION.with(String.valueOf(type)));
        } else if (macro && !a.get().forMacros()) {
          found.add(AutomationWords.NOT_FOR_MACROS.with(a.get().words()));
        } else {
          a.get().check(step, found);
        }
      }
      found.forEach(p -> problems.add(at.with(n, p)));
      steps.add(new Step(type, step));
    }
    return steps;
  }
}
