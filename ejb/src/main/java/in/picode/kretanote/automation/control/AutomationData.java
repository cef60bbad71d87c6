package in.picode.kretanote.automation.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.Sql;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The automation feature's tables in the privacy workflows: the run log and the event queue age
 * with the retention period (they name conversations, and an event carries a customer's text);
 * rules, macros, business hours and team hours live as long as the tenant. First of all features:
 * nothing references these tables, and they hold ids of others' rows without keys.
 */
@ApplicationScoped
public class AutomationData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.aged("automation_run", "created_at"),
          TableStep.aged("automation_event", "occurred_at"),
          TableStep.aged("automation_slot", "created_at"),
          TableStep.whole("automation_rule"),
          TableStep.whole("business_hours"),
          TableStep.whole("team_hours"));

  @Override
  public int purgeOrder() {
    return 40;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  /** The runs and events of the contact's conversations. */
  @Override
  public PurgeBatch erase(Connection c, DataSubject who, int batch) throws SQLException {
    List<Long> keys = List.of(who.tenantId(), who.tenantId(), who.contactId());
    PurgeBatch erased = PurgeBatch.EMPTY;
    for (String table : List.of("automation_run", "automation_event", "automation_slot")) {
      erased =
          erased.plus(
              PurgeBatch.of(
                  table,
                  Sql.update(
                      c,
                      "DELETE FROM "
                          + table
                          + " WHERE tenant_id = ? AND conversation_id IN (SELECT id FROM"
                          + " conversation WHERE tenant_id = ? AND contact_id = ?)",
                      keys)));
    }
    return erased;
  }
}
