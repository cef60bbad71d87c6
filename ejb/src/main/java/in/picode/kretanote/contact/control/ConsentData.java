package in.picode.kretanote.contact.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.ExportSection;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.Sql;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The consent ledger's tables in the privacy workflows: {@code consent_event} and {@code
 * contact_consent}. Consent is evidence for as long as the tenant exists (no age rule); a contact's
 * export holds its ledger, erasure deletes it after noting a withdrawn marketing consent as a STOP.
 * Ordered before the contact's own tables (both reference the contact).
 */
@ApplicationScoped
public class ConsentData implements TenantData {

  static final List<String> TABLES = List.of("consent_event", "contact_consent");

  @Override
  public int purgeOrder() {
    return 150;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return TABLES.stream().<PurgeStep>map(TableStep::whole).toList();
  }

  @Override
  public boolean saidStop(Connection c, DataSubject who) throws SQLException {
    return Sql.exists(
        c,
        "SELECT 1 FROM contact_consent WHERE tenant_id = ? AND contact_id = ?"
            + " AND category = 'MARKETING' AND granted = FALSE",
        who);
  }

  @Override
  public List<ExportSection> export(Connection c, DataSubject who) throws SQLException {
    return List.of(
        ExportSection.query(
            c,
            "consent_event",
            "SELECT category, granted, source, actor, evidence AS note, occurred_at"
                + " FROM consent_event WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
            who),
        ExportSection.query(
            c,
            "contact_consent",
            "SELECT category, granted, source, changed_at"
                + " FROM contact_consent WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
            who));
  }

  @Override
  public PurgeBatch erase(Connection c, DataSubject who, int batch) throws SQLException {
    return Sql.deleteOfContact(c, who, TABLES);
  }
}
