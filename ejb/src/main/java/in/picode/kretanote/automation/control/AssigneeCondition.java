package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/** The conversation is assigned to an agent ({@code userId}), or to nobody (no {@code userId}). */
@ApplicationScoped
public class AssigneeCondition implements Condition {

  @Inject References references;

  @Override
  public String type() {
    return "assignee";
  }

  @Override
  public String words() {
    return "Assigned to";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.agent(Params.number(p, "userId"), out);
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    return Objects.equals(Params.number(p, "userId"), s.conversation().getAssigneeId());
  }

  @Override
  public Wording describe(JsonObject p) {
    Long u = Params.number(p, "userId");
    return u == null
        ? AutomationWords.IS_ASSIGNED_NOBODY.with()
        : AutomationWords.IS_ASSIGNED.with(u);
  }
}
