package in.picode.kretanote.automation.control;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * One kind of action ("add label", "send canned response"...), shared by rules and macros, a CDI
 * bean found by {@link Registry}. {@link #run} does it, or with {@link Situation#dry()} only says
 * what it would do (sends are then asked of the guard without writing anything). A send the guard
 * refuses, or a change the owning feature refuses, throws {@link ActionRefusedException}.
 */
public interface Action {

  String type();

  String words();

  /** Whether agents may put it into a macro (all may be used by rules). */
  default boolean forMacros() {
    return false;
  }

  /** Every problem with {@code params} (and the labels, templates... it names) into {@code out}. */
  void check(JsonObject params, List<Wording> out);

  /** Does it (or with a dry situation says what it would do); returns the run log's line. */
  Wording run(JsonObject params, Situation s);
}
