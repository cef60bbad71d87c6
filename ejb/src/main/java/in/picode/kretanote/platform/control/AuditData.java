package in.picode.kretanote.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The audit trail in the account purge: audit_event goes with the tenant (before the users it names
 * as actors); retention never shortens it.
 */
@ApplicationScoped
public class AuditData implements TenantData {

  @Override
  public int purgeOrder() {
    return 700;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return List.of(TableStep.whole("audit_event"));
  }
}
