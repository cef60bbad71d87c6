package in.picode.kretanote.automation.control;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * One kind of rule condition ("text contains", "contact has tag"...), a CDI bean found by {@link
 * Registry}: adding a kind is adding one class. {@code params} is the condition's JSON object.
 */
public interface Condition {

  /** The JSON type name, e.g. {@code text_contains}. */
  String type();

  /** What the settings page calls it. */
  String words();

  /**
   * Every problem with {@code params} (and the labels, fields, agents it names) into {@code out}.
   */
  void check(JsonObject params, List<Wording> out);

  boolean test(JsonObject params, Situation s);

  /** The condition in words, for the run log ("text contains refund"). */
  Wording describe(JsonObject params);
}
