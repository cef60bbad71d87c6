package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.platform.boundary.ReferenceDeleted;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * A label, team, template or canned response was deleted: every rule that names it is paused with
 * the reason now, after the deletion committed, rather than at its next run. A failure here leaves
 * the deletion done; the rule then pauses itself when it next runs or is listed.
 */
@ApplicationScoped
public class TargetWatch {

  private static final System.Logger LOG = System.getLogger(TargetWatch.class.getName());

  @Inject AutomationRules rules;
  @Inject BusinessHoursSettings hours;

  /** A deleted team's own hours go with it, in the deletion's transaction. */
  void teamDeleted(@Observes ReferenceDeleted d) {
    if ("team".equals(d.kind())) {
      hours.removeTeamHours(d.id());
    }
  }

  void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferenceDeleted d) {
    try {
      Tenancy.runAs(d.tenantId(), () -> rules.pauseBroken());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Rules naming deleted {0} {1} not paused now: {2}",
          d.kind(),
          d.id(),
          e.getClass().getSimpleName());
    }
  }
}
