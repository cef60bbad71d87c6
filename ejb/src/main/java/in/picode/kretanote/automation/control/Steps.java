package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.ActionTransactions;
import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.automation.control.Definitions.Step;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a rule's conditions and runs actions, for rules, dry runs and macros alike. Each action
 * runs on its own, in a transaction of its own ({@link ActionTransactions}): a refusal (the
 * guard's, or a feature's, which rolls back only that action) is logged and the next action still
 * runs, so one closed window does not keep a label off.
 */
@ApplicationScoped
public class Steps {

  @Inject Registry registry;
  @Inject ActionTransactions transactions;

  /** What the actions did: one line each, and how many were done (not refused). */
  public record Result(List<Wording> lines, int done, int refused) {

    /** The lines in English, one after the other. */
    public String text() {
      return wording().english();
    }

    /** The lines as one wording ("a; b; c"), for the reader's language. */
    public Wording wording() {
      return joined(lines);
    }
  }

  /** {@code lines} one after the other ("a; b; c") as one wording. */
  static Wording joined(List<Wording> lines) {
    if (lines.isEmpty()) {
      return Wording.unworded("");
    }
    Wording out = lines.get(lines.size() - 1);
    for (int i = lines.size() - 2; i >= 0; i--) {
      out = AutomationWords.LOG_AND.with(lines.get(i), out);
    }
    return out;
  }

  /** The first condition that does not hold, in words; empty when all hold. */
  public Optional<Wording> unmet(List<Step> conditions, Situation s) {
    for (Step c : conditions) {
      Condition condition = registry.condition(c.type()).orElseThrow();
      if (!condition.test(c.params(), s)) {
        return Optional.of(notMet(condition, c.params()));
      }
    }
    return Optional.empty();
  }

  /** The run log's line for a condition that does not hold ("condition not met: …"). */
  public static Wording notMet(Condition condition, JsonObject params) {
    return AutomationWords.LOG_UNMET.with(condition.describe(params));
  }

  public Result run(List<Step> actions, Situation s) {
    List<Wording> lines = new ArrayList<>();
    int done = 0;
    int refused = 0;
    for (int i = 0; i < actions.size(); i++) {
      Step a = actions.get(i);
      s.step(i);
      try {
        Action action = registry.action(a.type()).orElseThrow();
        lines.add(s.dry() ? action.run(a.params(), s) : transactions.run(action, a.params(), s));
        done++;
      } catch (ActionRefusedException e) {
        // "✗ " before the refusal's first sentence; its others follow as they are ("✗ a; b").
        List<Wording> why = e.wordings();
        lines.add(
            AutomationWords.LOG_REFUSED.with(why.isEmpty() ? Wording.unworded("") : why.get(0)));
        lines.addAll(why.subList(Math.min(1, why.size()), why.size()));
        refused++;
      }
    }
    return new Result(lines, done, refused);
  }
}
