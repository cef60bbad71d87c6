package in.picode.kretanote.connection.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The connection feature's tables in the privacy workflows: whatsapp_health_check (ages with the
 * retention period) and whatsapp_connection (lives as long as the tenant; its tokens are revoked
 * and its data keys destroyed before the purge). After every table that names a number.
 */
@ApplicationScoped
public class ConnectionData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.aged("whatsapp_health_check", "checked_at"),
          TableStep.whole("whatsapp_connection"));

  @Override
  public int purgeOrder() {
    return 300;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
