package in.picode.kretanote.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of purge steps: one entry per tenant-owned table, in foreign-key order (a table
 * comes before the tables it references), so deleting step by step never breaks a foreign key.
 *
 * <p><b>Every table with a {@code tenant_id} column must be listed here</b>; account deletion
 * refuses to finish while {@link #uncovered} names a table, and {@code RetentionIT} fails. When a
 * feature adds a table, add its step: {@link TableStep#whole} for data that lives as long as the
 * tenant, {@link TableStep#aged} for data the retention period applies to (with {@code heldBy} when
 * a row belongs to a contact). Tables added after this registry was written (outbox, templates,
 * consent ledger, invoices ...) are added by their features on merge.
 *
 * <p>{@code tenant} itself is deleted last by the account purge; {@code tenant_data_key} rows are
 * destroyed first (crypto-shredding) and deleted here.
 */
public final class PurgeSteps {

  private static final List<PurgeStep> STEPS =
      List.of(
          new MediaStep(),
          // The outbox is a message's sending record: purged with its message (MessageStep), and
          // whole here for the account purge.
          TableStep.whole("outbox"),
          TableStep.aged("reaction", "reacted_at")
              .heldBy("contact_id")
              .onlyWhere("message_id IS NULL"),
          TableStep.aged("message_status", "occurred_at")
              .onlyWhere(
                  "NOT EXISTS (SELECT 1 FROM message k WHERE k.tenant_id = message_status.tenant_id"
                      + " AND k.wamid = message_status.wamid)"),
          new MessageStep(),
          // Private notes age like messages; labels stay with their conversation (an old
          // conversation without messages but with labels is kept until its labels go).
          TableStep.aged("conversation_note", "created_at"),
          TableStep.whole("conversation_label"),
          TableStep.aged("conversation", "last_activity_at")
              .heldBy("contact_id")
              .onlyWhere(
                  "NOT EXISTS (SELECT 1 FROM message k WHERE k.tenant_id = conversation.tenant_id"
                      + " AND k.conversation_id = conversation.id)"
                      + " AND NOT EXISTS (SELECT 1 FROM conversation_note n"
                      + " WHERE n.tenant_id = conversation.tenant_id"
                      + " AND n.conversation_id = conversation.id)"
                      + " AND NOT EXISTS (SELECT 1 FROM conversation_label l"
                      + " WHERE l.tenant_id = conversation.tenant_id"
                      + " AND l.conversation_id = conversation.id)"),
          TableStep.whole("label"),
          // Canned responses live as long as the tenant; they name their authors (user_account).
          TableStep.whole("canned_response"),
          TableStep.aged("whatsapp_health_check", "checked_at"),
          // Campaigns: recipients before their campaign, both before numbers and contacts.
          TableStep.whole("campaign_recipient"),
          TableStep.whole("campaign"),
          TableStep.whole("send_pace"),
          TableStep.whole("message_template"),
          TableStep.whole("whatsapp_connection"),
          TableStep.aged("notification", "created_at"),
          TableStep.whole("data_subject_request"),
          // Billing: payments and lines before their invoices, credit notes before what they
          // credit; the raw provider events of the tenant too (the tenant is gone).
          TableStep.whole("payment"),
          TableStep.whole("invoice_line"),
          TableStep.whole("invoice").deletedInOrder("credited_invoice_id IS NULL, id"),
          TableStep.whole("subscription"),
          TableStep.whole("provider_event"),
          TableStep.whole("suppression"),
          TableStep.whole("retention_setting"),
          // Consent is evidence for as long as the tenant exists (not subject to retention).
          TableStep.whole("contact_field_value"),
          TableStep.whole("custom_field"),
          TableStep.whole("contact_tag"),
          TableStep.whole("consent_event"),
          TableStep.whole("contact_consent"),
          TableStep.whole("contact"),
          TableStep.whole("audit_event"),
          TableStep.whole("one_time_token"),
          TableStep.whole("invitation"),
          TableStep.whole("second_factor"),
          TableStep.whole("user_account"),
          TableStep.whole("tenant_data_key"));

  private PurgeSteps() {}

  /** The steps in the order they run: dependent rows before the rows they point to. */
  public static List<PurgeStep> all() {
    return STEPS;
  }

  public static Set<String> tables() {
    Set<String> t = new LinkedHashSet<>();
    STEPS.forEach(s -> t.add(s.table()));
    return t;
  }

  /** Tables of this database that have a {@code tenant_id} column. */
  public static Set<String> tenantTables(Connection c) throws SQLException {
    Set<String> found = new TreeSet<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT c.table_name FROM information_schema.columns c"
                    + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                    + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                    + " WHERE c.table_schema = DATABASE() AND c.column_name = 'tenant_id'");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  /** Tables with a {@code tenant_id} column that no step purges: must be empty. */
  public static List<String> uncovered(Connection c) throws SQLException {
    List<String> missing = new ArrayList<>(tenantTables(c));
    missing.removeAll(tables());
    return missing;
  }
}
