package in.picode.kretanote.notification.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The agents' notifications in the privacy workflows: they age with the retention period (a mention
 * quotes a note), preferences live as long as the tenant.
 */
@ApplicationScoped
public class NotificationData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.aged("agent_notification", "created_at"),
          TableStep.whole("notification_preference"));

  @Override
  public int purgeOrder() {
    return 60;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
