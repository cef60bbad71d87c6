package in.picode.kretanote.csat.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The survey tables in the privacy workflows: rounds age with the retention period (a comment is
 * the customer's words), the setting lives as long as the tenant. Before messaging, whose rows they
 * name (by id, without foreign keys).
 */
@ApplicationScoped
public class CsatData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(TableStep.aged("csat_survey", "asked_at"), TableStep.whole("csat_setting"));

  @Override
  public int purgeOrder() {
    return 60;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  /** The contact's ratings and comments (erasure runs once, so the loop is here). */
  @Override
  public PurgeBatch erase(Connection c, DataSubject subject, int batch) throws SQLException {
    int total = 0;
    int deleted;
    do {
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM csat_survey WHERE tenant_id = ? AND conversation_id IN"
                  + " (SELECT id FROM conversation WHERE tenant_id = ? AND contact_id = ?)"
                  + " LIMIT ?")) {
        s.setLong(1, subject.tenantId());
        s.setLong(2, subject.tenantId());
        s.setLong(3, subject.contactId());
        s.setInt(4, Math.max(1, batch));
        deleted = s.executeUpdate();
      }
      total += deleted;
    } while (deleted > 0);
    return PurgeBatch.of("csat_survey", total);
  }
}
