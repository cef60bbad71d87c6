package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.ActionTransactions;
import in.picode.kretanote.automation.control.Definitions.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  public record Result(List<String> lines, int done, int refused) {
    public String text() {
      return String.join("; ", lines);
    }
  }

  /** The first condition that does not hold, in words; empty when all hold. */
  public Optional<String> unmet(List<Step> conditions, Situation s) {
    for (Step c : conditions) {
      Condition condition = registry.condition(c.type()).orElseThrow();
      if (!condition.test(c.params(), s)) {
        return Optional.of("condition not met: " + condition.describe(c.params()));
      }
    }
    return Optional.empty();
  }

  public Result run(List<Step> actions, Situation s) {
    List<String> lines = new ArrayList<>();
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
        lines.add("✗ " + e.getMessage());
        refused++;
      }
    }
    return new Result(lines, done, refused);
  }
}
