package in.picode.kretanote.api.rest;

import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.InboxRow;
import jakarta.json.Json;
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
        Json.createObjectBuilder()
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
    JsonArrayBuilder labels = Json.createArrayBuilder();
    r.labels().forEach(labels::add);
    return b.add("labels", labels);
  }
}
