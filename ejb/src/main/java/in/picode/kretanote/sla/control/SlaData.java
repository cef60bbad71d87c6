package in.picode.kretanote.sla.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The SLA tables in the privacy workflows: a conversation's clock ages with the retention period
 * (by when it opened), the policies live as long as the tenant. Nothing personal is in them.
 */
@ApplicationScoped
public class SlaData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(TableStep.aged("sla_clock", "opened_at"), TableStep.whole("sla_policy"));

  @Override
  public int purgeOrder() {
    return 60;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
