package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/** The conversation is in team {@code teamId}, or in no team (no {@code teamId}). */
@ApplicationScoped
public class TeamCondition implements Condition {

  @Inject References references;

  @Override
  public String type() {
    return "team";
  }

  @Override
  public String words() {
    return "In team";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.team(Params.number(p, "teamId"), out);
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    return Objects.equals(Params.number(p, "teamId"), s.conversation().getTeamId());
  }

  @Override
  public Wording describe(JsonObject p) {
    Long t = Params.number(p, "teamId");
    return t == null ? AutomationWords.IN_NO_TEAM.with() : AutomationWords.IN_TEAM.with(t);
  }
}
