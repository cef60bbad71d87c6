package in.picode.kretanote.api.rest;

import static in.picode.kretanote.api.rest.ApiSchemas.INT64;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * More shapes for the OpenAPI document only, next to {@link ApiSchemas}: conversations, their
 * messages, the answer of a send (queued or dry run) and a contact's changes. Field names are the
 * wire names.
 */
@SuppressWarnings({"unused", "checkstyle:MemberName"})
final class ApiConversationSchemas {

  private ApiConversationSchemas() {}

  @Schema(name = "ContactChanges", description = "What changes; a field left out stays")
  static final class ContactChanges {
    @Schema(nullable = true, example = "Ana Díaz")
    public String name;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "Replaces all tags")
    public List<String> tags;

    @Schema(
        description = "Custom field values by field name (null clears one)",
        type = SchemaType.OBJECT)
    public Map<String, String> fields;
  }

  @Schema(name = "ConversationRow", description = "A conversation as the inbox lists it")
  static final class ConversationRow {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long id;

    @Schema(required = true, description = "OPEN, PENDING or RESOLVED", example = "OPEN")
    public String status;

    @Schema(required = true)
    public boolean snoozed;

    @Schema(required = true, description = "Messages the team has not read")
    public int unread;

    @Schema(example = "2026-12-06T08:00:00Z")
    public String last_activity_at;

    @Schema(description = "When the 24-hour customer service window closes")
    public String window_expires_at;

    @Schema(required = true, nullable = true, type = SchemaType.INTEGER, format = INT64)
    public Long assignee_id;

    public String contact_name;

    @Schema(example = "+4917612345678")
    public String phone;

    @Schema(description = "The last message, shortened")
    public String preview;

    @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
    public List<String> labels;
  }

  @Schema(name = "ConversationPage", description = "A page of conversations, latest activity first")
  static final class ConversationPage {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = ConversationRow.class)
    public List<ConversationRow> data;

    @Schema(required = true, nullable = true, description = "Null on the last page")
    public String next_cursor;
  }

  @Schema(name = "Conversation", description = "One conversation with its contact and labels")
  static final class Conversation {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long id;

    @Schema(required = true, example = "OPEN")
    public String status;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long contact_id;

    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long connection_id;

    @Schema(required = true)
    public int unread;

    @Schema(required = true, nullable = true, type = SchemaType.INTEGER, format = INT64)
    public Long assignee_id;

    @Schema(description = "The assignee's name")
    public String assignee;

    public String last_activity_at;
    public String window_expires_at;
    public String snoozed_until;

    @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
    public List<String> labels;
  }

  @Schema(name = "Message", description = "A message of a conversation")
  static final class Message {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long id;

    @Schema(required = true, description = "INBOUND or OUTBOUND", example = "OUTBOUND")
    public String direction;

    @Schema(required = true, example = "text")
    public String type;

    public String text;

    @Schema(description = "Outbound only: PENDING, SENT, DELIVERED, READ or FAILED")
    public String status;

    @Schema(example = "2026-12-06T08:00:00Z")
    public String created_at;

    @Schema(description = "Meta's error code, if it failed")
    public Integer error_code;
  }

  @Schema(name = "MessagePage", description = "A page of messages, oldest first within the page")
  static final class MessagePage {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = Message.class)
    public List<Message> data;

    @Schema(
        required = true,
        nullable = true,
        description = "Pass as cursor for the older page; null on the oldest")
    public String next_cursor;
  }

  @Schema(
      name = "SendAnswer",
      description =
          "202: the send queued (id, duplicate, status, outcome). 200 with dry_run=true: what would"
              + " happen (dry_run, decision, detail, and code or message_id); nothing is queued.")
  static final class SendAnswer {
    @Schema(type = SchemaType.INTEGER, format = INT64, example = "1234")
    public Long id;

    @Schema(description = "True when this Idempotency-Key already held it")
    public Boolean duplicate;

    @Schema(example = "PENDING")
    public String status;

    @Schema(example = "/api/v1/messages/1234")
    public String outcome;

    @Schema(description = "True for a dry run")
    public Boolean dry_run;

    @Schema(enumeration = {"would_send", "already_sent", "refused"})
    public String decision;

    @Schema(description = "Dry run refused: the send guard's code", example = "WINDOW_CLOSED")
    public String code;

    @Schema(
        type = SchemaType.INTEGER,
        format = INT64,
        description = "Dry run already_sent: the message this key holds")
    public Long message_id;

    @Schema(description = "Dry run: the decision in words")
    public String detail;
  }
}
