package in.picode.kretanote.retention.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Retention's own tenant tables in the account purge: data_subject_request (kept through an
 * erasure, as the record that it happened), suppression and retention_setting.
 */
@ApplicationScoped
public class RetentionData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.whole("data_subject_request"),
          TableStep.whole("suppression"),
          TableStep.whole("retention_setting"));

  @Override
  public int purgeOrder() {
    return 500;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
