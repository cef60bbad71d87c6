package in.picode.kretanote.messaging.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.ExportSection;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.Sql;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Messaging's tables in the privacy workflows: media, inbox_change, reaction, call_log,
 * message_referral, message_status, message, conversation_note, conversation_label, conversation,
 * label and canned_response. Messages, statuses, reactions, notes and conversations age with the
 * retention period; labels and canned responses live as long as the tenant. A contact's export
 * holds its conversations, messages, their statuses, its reactions and its media (listed, not the
 * files).
 */
@ApplicationScoped
public class MessagingData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          new MediaStep(),
          // The live inbox's signals (conversation ids); the feed deletes them after a minute.
          TableStep.aged("inbox_change", "created_at"),
          TableStep.aged("reaction", "reacted_at")
              .heldBy("contact_id")
              .onlyWhere("message_id IS NULL"),
          // Issue 20: calls and ad referrals age like messages and go before the conversations
          // they name.
          TableStep.aged("call_log", "started_at").heldBy("contact_id"),
          TableStep.aged("message_referral", "created_at").heldBy("contact_id"),
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
          TableStep.whole("canned_response"));

  @Override
  public int purgeOrder() {
    return 200;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  @Override
  public List<ExportSection> export(Connection c, DataSubject who) throws SQLException {
    // Readable fields, not the tables' internals: no tenant id, version, raw JSON payloads or
    // Meta's error details; ids stay where they link sections (a message's conversation).
    return List.of(
        ExportSection.query(
            c,
            "conversations",
            "SELECT id, status, opened_at, closed_at, snoozed_until, last_activity_at"
                + " FROM conversation WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
            who),
        ExportSection.query(
            c,
            "messages",
            "SELECT id, conversation_id, direction, type, text, status, error_code, error_title,"
                + " forwarded, from_phone AS sent_from_phone, edited_at, previous_text,"
                + " deleted_at AS deleted_by_customer_at, created_at"
                + " FROM message WHERE tenant_id = ? AND contact_id = ? ORDER BY created_at, id",
            who),
        ExportSection.query(
            c,
            "message_statuses",
            "SELECT m.id AS message_id, s.status, s.occurred_at, s.error_code, s.error_title"
                + " FROM message_status s JOIN message m ON m.tenant_id = s.tenant_id"
                + " AND m.wamid = s.wamid WHERE m.tenant_id = ? AND m.contact_id = ?"
                + " ORDER BY s.occurred_at, s.id",
            who),
        ExportSection.query(
            c,
            "calls",
            "SELECT conversation_id, call_id, direction, state, started_at, answered_at, ended_at,"
                + " duration_seconds FROM call_log WHERE tenant_id = ? AND contact_id = ?"
                + " ORDER BY id",
            who),
        ExportSection.query(
            c,
            "referrals",
            "SELECT conversation_id, wamid AS message, source_type, source_id, source_url, headline,"
                + " body, media_type, media_url, ctwa_clid, created_at AS received_at"
                + " FROM message_referral WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
            who),
        ExportSection.query(
            c,
            "reactions",
            "SELECT message_id, emoji, reacted_at"
                + " FROM reaction WHERE tenant_id = ? AND contact_id = ? ORDER BY id",
            who),
        ExportSection.query(
            c,
            "media",
            "SELECT d.message_id, d.mime_type, d.filename, d.size_bytes, d.sha256, d.state,"
                + " d.created_at FROM media d JOIN message m ON m.tenant_id ="
                + " d.tenant_id AND m.id = d.message_id WHERE d.tenant_id = ? AND m.contact_id = ?"
                + " ORDER BY d.id",
            who),
        ExportSection.query(
            c,
            "labels",
            "SELECT cl.conversation_id, l.name AS label FROM conversation_label cl"
                + " JOIN label l ON l.tenant_id = cl.tenant_id AND l.id = cl.label_id"
                + " JOIN conversation v ON v.tenant_id = cl.tenant_id AND v.id = cl.conversation_id"
                + " WHERE cl.tenant_id = ? AND v.contact_id = ? ORDER BY cl.conversation_id, l.name",
            who),
        ExportSection.query(
            c,
            "notes",
            "SELECT n.conversation_id, n.body AS note, n.created_at AS written_at"
                + " FROM conversation_note n JOIN conversation v ON v.tenant_id = n.tenant_id"
                + " AND v.id = n.conversation_id WHERE n.tenant_id = ? AND v.contact_id = ?"
                + " ORDER BY n.id",
            who));
  }

  /**
   * The contact's messages in batches (with their media, reactions and statuses), its reactions and
   * the statuses addressed to it, then its conversations with their notes and labels.
   */
  @Override
  public PurgeBatch erase(Connection c, DataSubject who, int batch) throws SQLException {
    long tenant = who.tenantId();
    PurgeBatch erased = PurgeBatch.EMPTY;
    while (true) {
      List<Long> ids = new ArrayList<>();
      List<String> wamids = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, wamid FROM message WHERE tenant_id = ? AND contact_id = ?"
                  + " ORDER BY id LIMIT ?")) {
        s.setLong(1, tenant);
        s.setLong(2, who.contactId());
        s.setInt(3, batch);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            if (rs.getString(2) != null) {
              wamids.add(rs.getString(2));
            }
          }
        }
      }
      if (ids.isEmpty()) {
        break;
      }
      erased = erased.plus(MessageStep.deleteMessages(c, tenant, ids, wamids));
    }
    erased =
        erased.plus(
            PurgeBatch.of(
                "reaction",
                Sql.update(
                    c,
                    "DELETE FROM reaction WHERE tenant_id = ? AND contact_id = ?",
                    List.of(tenant, who.contactId()))));
    if (who.waId() != null) {
      erased =
          erased.plus(
              PurgeBatch.of(
                  "message_status",
                  Sql.update(
                      c,
                      "DELETE FROM message_status WHERE tenant_id = ? AND recipient = ?",
                      List.of(tenant, who.waId()))));
    }
    for (String own : List.of("call_log", "message_referral")) {
      erased =
          erased.plus(
              PurgeBatch.of(
                  own,
                  Sql.update(
                      c,
                      "DELETE FROM " + own + " WHERE tenant_id = ? AND contact_id = ?",
                      List.of(tenant, who.contactId()))));
    }
    // Private notes and labels hang on the contact's conversations.
    for (String child : List.of("conversation_note", "conversation_label")) {
      erased =
          erased.plus(
              PurgeBatch.of(
                  child,
                  Sql.update(
                      c,
                      "DELETE FROM "
                          + child
                          + " WHERE tenant_id = ? AND conversation_id IN (SELECT k.id FROM"
                          + " conversation k WHERE k.tenant_id = "
                          + child
                          + ".tenant_id AND k.contact_id = ?)",
                      List.of(tenant, who.contactId()))));
    }
    return erased.plus(
        PurgeBatch.of(
            "conversation",
            Sql.update(
                c,
                "DELETE FROM conversation WHERE tenant_id = ? AND contact_id = ?",
                List.of(tenant, who.contactId()))));
  }
}
