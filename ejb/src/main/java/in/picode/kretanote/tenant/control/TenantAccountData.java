package in.picode.kretanote.tenant.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The tenant feature's tables in the privacy workflows: notification (ages with the retention
 * period), one_time_token, invitation, second_factor, passkey and user_account. Users come after
 * every table that names an author or actor. The tenant row itself is deleted last by the account
 * purge.
 */
@ApplicationScoped
public class TenantAccountData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.aged("notification", "created_at"),
          TableStep.whole("one_time_token"),
          TableStep.whole("invitation"),
          TableStep.whole("second_factor"),
          TableStep.whole("passkey"),
          TableStep.whole("user_account"));

  @Override
  public int purgeOrder() {
    return 800;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
