package in.picode.kretanote.automation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every kind of condition and action, found through CDI: a new kind (for example "assign to team"
 * once teams exist) is one class implementing {@link Condition} or {@link Action}, nothing else.
 */
@ApplicationScoped
public class Registry {

  private final Map<String, Condition> conditions = new TreeMap<>();
  private final Map<String, Action> actions = new TreeMap<>();

  @Inject
  Registry(@Any Instance<Condition> foundConditions, @Any Instance<Action> foundActions) {
    foundConditions.forEach(c -> conditions.put(c.type(), c));
    foundActions.forEach(a -> actions.put(a.type(), a));
  }

  protected Registry() {}

  public Optional<Condition> condition(String type) {
    return Optional.ofNullable(type == null ? null : conditions.get(type));
  }

  public Optional<Action> action(String type) {
    return Optional.ofNullable(type == null ? null : actions.get(type));
  }

  public Collection<Condition> conditions() {
    return conditions.values();
  }

  public Collection<Action> actions() {
    return actions.values();
  }
}
