package in.picode.kretanote.billing.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Billing's tenant tables in the account purge: payments and lines before their invoices, credit
 * notes before what they credit; the tenant's subscription and its raw provider events too (the
 * tenant is gone). None ages with the retention period.
 */
@ApplicationScoped
public class BillingData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.whole("payment"),
          TableStep.whole("invoice_line"),
          TableStep.whole("invoice").deletedInOrder("credited_invoice_id IS NULL, id"),
          TableStep.whole("subscription"),
          TableStep.whole("provider_event"));

  @Override
  public int purgeOrder() {
    return 600;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }
}
