package in.picode.kretanote.crypto.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The tenant's data keys in the account purge: the keys are destroyed first (crypto-shredding,
 * before any row is deleted), and their rows deleted last.
 */
@ApplicationScoped
public class DataKeyData implements TenantData {

  @Override
  public int purgeOrder() {
    return 900;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return List.of(TableStep.whole("tenant_data_key"));
  }
}
