package in.picode.kretanote.routing.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The routing feature's tables in the privacy workflows: assignment_history ages with the retention
 * period (and leaves with its conversation, by cascade, as routing_wait does); teams, members,
 * presence and the routing setting live as long as the tenant. After messaging (200), whose
 * conversations reference teams; before the users (800) that members and presence reference.
 */
@ApplicationScoped
public class RoutingData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.aged("assignment_history", "created_at"),
          TableStep.whole("routing_wait"),
          TableStep.whole("agent_presence"),
          TableStep.whole("team_member"),
          TableStep.whole("team"),
          TableStep.whole("routing_setting"));

  @Override
  public int purgeOrder() {
    return 250;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
