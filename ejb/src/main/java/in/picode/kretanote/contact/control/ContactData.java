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
 * The contact feature's tables in the privacy workflows: contact_field_value, custom_field,
 * contact_tag and contact. Contacts live as long as the tenant (retention deletes their messages,
 * not them). The contact row comes after every feature's rows that name it; erasure deletes its
 * tags and field values, then the row. A contact who opted out said STOP.
 */
@ApplicationScoped
public class ContactData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          // Number changes waiting for a person to merge (issue 20) name two contacts.
          TableStep.whole("contact_number_conflict"),
          TableStep.whole("contact_field_value"),
          TableStep.whole("custom_field"),
          TableStep.whole("contact_tag"),
          TableStep.whole("contact"));

  @Override
  public int purgeOrder() {
    return 400;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  @Override
  public boolean saidStop(Connection c, DataSubject who) throws SQLException {
    return Sql.exists(
        c, "SELECT 1 FROM contact WHERE tenant_id = ? AND id = ? AND opted_out = TRUE", who);
  }

  @Override
  public List<ExportSection> export(Connection c, DataSubject who) throws SQLException {
    // Readable fields for the person who asked, not the table's internals (tenant id, version).
    return List.of(
        ExportSection.query(
            c,
            "contact",
            "SELECT id, display_name AS name, profile_name AS whatsapp_profile_name,"
                + " wa_id AS whatsapp_number, username AS whatsapp_username, phone, email,"
                + " opted_out, automation_opt_out AS objected_to_automated_processing,"
                + " legal_hold, created_at, updated_at"
                + " FROM contact WHERE tenant_id = ? AND id = ?",
            who),
        ExportSection.query(
            c,
            "tags",
            "SELECT tag FROM contact_tag WHERE tenant_id = ? AND contact_id = ? ORDER BY tag",
            who),
        ExportSection.query(
            c,
            "fields",
            "SELECT f.name AS field, v.value FROM contact_field_value v JOIN custom_field f"
                + " ON f.tenant_id = v.tenant_id AND f.id = v.field_id"
                + " WHERE v.tenant_id = ? AND v.contact_id = ? ORDER BY f.name",
            who));
  }

  @Override
  public PurgeBatch erase(Connection c, DataSubject who, int batch) throws SQLException {
    List<Long> keys = List.of(who.tenantId(), who.contactId());
    PurgeBatch erased =
        PurgeBatch.of(
            "contact_number_conflict",
            Sql.update(
                c,
                "DELETE FROM contact_number_conflict WHERE tenant_id = ? AND (contact_id = ?"
                    + " OR other_contact_id = ?)",
                List.of(who.tenantId(), who.contactId(), who.contactId())));
    erased =
        erased.plus(Sql.deleteOfContact(c, who, List.of("contact_field_value", "contact_tag")));
    return erased.plus(
        PurgeBatch.of(
            "contact", Sql.update(c, "DELETE FROM contact WHERE tenant_id = ? AND id = ?", keys)));
  }
}
