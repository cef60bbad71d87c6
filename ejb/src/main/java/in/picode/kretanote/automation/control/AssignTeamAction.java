package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.routing.boundary.Assignments;
import in.picode.kretanote.routing.boundary.RoutingRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the conversation into a team ({@code teamId}); the team's assignment mode then picks the
 * agent (routing's {@link Assignments#assignToTeam}), and the move is in the conversation's
 * assignment history with the rule or macro as its reason.
 */
@ApplicationScoped
public class AssignTeamAction implements Action {

  @Inject Assignments assignments;
  @Inject References references;

  @Override
  public String type() {
    return "assign_team";
  }

  @Override
  public String words() {
    return "Assign to team";
  }

  @Override
  public boolean forMacros() {
    return true;
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    Long team = Params.number(p, "teamId");
    if (team == null) {
      out.add(AutomationWords.STEP_CHOOSE_TEAM.with());
      return;
    }
    references.team(team, out);
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    Long team = Params.number(p, "teamId");
    List<Wording> problems = new ArrayList<>();
    String name = references.team(team, problems).map(t -> t.getName()).orElse("#" + team);
    Wording line = AutomationWords.LOG_ASSIGN_TEAM.with(name);
    if (!problems.isEmpty()) {
      throw new ActionRefusedException(line, problems.get(0));
    }
    if (s.dry()) {
      return AutomationWords.LOG_WOULD.with(line);
    }
    try {
      assignments.assignToTeam(Tenancy.require(), s.conversationId(), team, s.source());
    } catch (RoutingRefusedException e) {
      throw new ActionRefusedException(line, Wording.of(e));
    }
    return line;
  }
}
