package in.picode.kretanote.automation.view;

import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.platform.view.Texts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words the rule and macro editors show for events, conditions and actions, from {@code
 * AutomationTexts} in the page's language, keyed by the stable event name or step type ({@code
 * event.NO_REPLY}, {@code condition.label}, {@code action.add_label}, {@code hint.add_label}). The
 * ejb side names the types; what they are called on a page belongs here.
 */
public final class AutomationLabels {

  /** The bundle of the automation pages. */
  public static final String BUNDLE = "in.picode.kretanote.automation.view.AutomationTexts";

  private AutomationLabels() {}

  public static String text(String key, Object... args) {
    return Texts.of(BUNDLE, key, args);
  }

  public static String event(Trigger t) {
    return text("event." + t.name());
  }

  public static String condition(String type) {
    return text("condition." + type);
  }

  public static String action(String type) {
    return text("action." + type);
  }

  /** What the value field means for a step type (empty for an unknown type). */
  public static String hint(String type) {
    return type == null || type.isBlank() ? "" : text("hint." + type);
  }

  /** The given types (in their order) with their names: for a form's select. */
  static Map<String, String> named(Iterable<String> types, boolean conditions) {
    Map<String, String> m = new LinkedHashMap<>();
    types.forEach(t -> m.put(t, conditions ? condition(t) : action(t)));
    return m;
  }
}
