package in.picode.kretanote.api.rest;

import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Inbox rows as JSON, the inbox cursor and filter values of {@link ConversationsResource}. */
final class ConversationJson {

  private ConversationJson() {}

  static Inbox.Cursor after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    String[] parts = Api.position(cursor).split("\\|");
    try {
      return new Inbox.Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
    } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw Api.badCursor();
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String raw, E fallback, String name) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid(
          name,
          "is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  static JsonObjectBuilder json(InboxRow r) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", r.id())
            .add("status", r.status())
            .add("snoozed", r.snoozed())
            .add("unread", r.unread());
    ContactsResource.add(b, "last_activity_at", Api.time(r.lastActivityAt()));
    ContactsResource.add(b, "window_expires_at", Api.time(r.windowExpiresAt()));
    if (r.assigneeId() == null) {
      b.addNull("assignee_id");
    } else {
      b.add("assignee_id", r.assigneeId());
    }
    ContactsResource.add(b, "contact_name", r.contactName());
    ContactsResource.add(b, "phone", r.waId() == null ? null : "+" + r.waId());
    ContactsResource.add(b, "preview", r.preview());
    JsonArrayBuilder labels = Jsons.createArrayBuilder();
    r.labels().forEach(labels::add);
    return b.add("labels", labels);
  }

  /** A message of a conversation as {@code GET /conversations/{id}/messages} lists it. */
  static jakarta.json.JsonObject message(in.picode.kretanote.messaging.boundary.MessageView m) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", m.id())
            .add("direction", m.direction())
            .add("type", m.type());
    ContactsResource.add(b, "text", m.text());
    ContactsResource.add(b, "status", m.status());
    ContactsResource.add(b, "created_at", Api.time(m.createdAt()));
    if (m.errorCode() != null) {
      b.add("error_code", m.errorCode());
    }
    return b.build();
  }

  /** A private note; its author is a team member ({@code author_id}) or an API key. */
  static jakarta.json.JsonObject note(in.picode.kretanote.messaging.entity.ConversationNote n) {
    JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", n.getId());
    if (n.getAuthorId() == null) {
      b.addNull("author_id");
    } else {
      b.add("author_id", n.getAuthorId());
    }
    ContactsResource.add(b, "api_key", n.getApiKeyName());
    return b.add("body", n.getBody()).add("created_at", Api.time(n.getCreatedAt())).build();
  }
}
