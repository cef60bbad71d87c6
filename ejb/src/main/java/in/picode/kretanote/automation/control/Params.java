package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Reading a condition's or action's JSON parameters without surprises. */
public final class Params {

  private Params() {}

  /** The stripped string under {@code key}, or null when absent, blank or not a string. */
  public static String text(JsonObject p, String key) {
    JsonValue v = p.get(key);
    if (v instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString().strip();
    }
    return null;
  }

  /** The whole number under {@code key} (a number or a numeric string), or null. */
  public static Long number(JsonObject p, String key) {
    JsonValue v = p.get(key);
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.longValue();
    }
    if (v instanceof JsonString s && s.getString().strip().matches("-?\\d{1,15}")) {
      return Long.parseLong(s.getString().strip());
    }
    return null;
  }

  public static boolean flag(JsonObject p, String key, boolean otherwise) {
    JsonValue v = p.get(key);
    if (v == JsonValue.TRUE || (v instanceof JsonString s && "true".equals(s.getString()))) {
      return true;
    }
    if (v == JsonValue.FALSE || (v instanceof JsonString s && "false".equals(s.getString()))) {
      return false;
    }
    return otherwise;
  }

  /**
   * Requires a text of at most {@code max} characters; adds the problem otherwise, naming the
   * parameter by {@code what} (a word of {@link AutomationWords}).
   */
  public static String require(JsonObject p, String key, Wording what, int max, List<Wording> out) {
    String t = text(p, key);
    if (t == null) {
      out.add(AutomationWords.STEP_MISSING.with(what));
    } else if (t.length() > max) {
      out.add(AutomationWords.STEP_TOO_LONG.with(what, max));
    }
    return t;
  }

  /** Requires a whole number; adds the problem otherwise. */
  public static Long requireNumber(JsonObject p, String key, Wording what, List<Wording> out) {
    Long n = number(p, key);
    if (n == null) {
      out.add(AutomationWords.STEP_MISSING.with(what));
    }
    return n;
  }
}
