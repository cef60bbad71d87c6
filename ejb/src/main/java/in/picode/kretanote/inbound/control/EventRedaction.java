package in.picode.kretanote.inbound.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rewrites a stored webhook body without the parts of a deleted tenant or an erased contact, for
 * the privacy workflows: the raw event log keeps Meta's body as it came, with customers' numbers,
 * names and texts, so a deletion has to reach it too.
 *
 * <ul>
 *   <li>{@link #withoutNumbers}: every {@code messages} change of the given phone number ids goes
 *       (its contacts, messages and statuses all belong to that number); entries left without
 *       changes go.
 *   <li>{@link #withoutContact}: in the changes of the given phone number ids, the contact with the
 *       WhatsApp id, the messages from it, the statuses addressed to it, the business's echoes to
 *       it and its {@code user_preferences} go; a change left with no message, status or error
 *       goes.
 * </ul>
 *
 * Both answer {@link Result#unchanged()} when the body holds nothing to remove, and {@link
 * Result#empty()} when nothing would be left (the caller deletes the event instead). A body that is
 * not a WhatsApp webhook is left as it is: the parser refused it, so it was routed nowhere.
 */
public final class EventRedaction {

  /** The outcome: the rewritten body, or no body left, or nothing to change. */
  public record Result(Optional<byte[]> body, boolean changed) {
    static final Result UNCHANGED = new Result(Optional.empty(), false);
    static final Result EMPTY = new Result(Optional.empty(), true);

    public boolean unchanged() {
      return !changed;
    }

    public boolean empty() {
      return changed && body.isEmpty();
    }
  }

  private EventRedaction() {}

  /** The body without the changes of these phone number ids. */
  public static Result withoutNumbers(byte[] body, Set<String> phoneNumberIds) {
    return rewrite(body, change -> ours(change, phoneNumberIds) ? null : change);
  }

  /** The body without the contact {@code waId} in the changes of these phone number ids. */
  public static Result withoutContact(byte[] body, Set<String> phoneNumberIds, String waId) {
    return rewrite(
        body, change -> ours(change, phoneNumberIds) ? withoutWaId(change, waId) : change);
  }

  private interface ChangeEdit {
    /** The change as it should stay, or null to remove it. */
    JsonObject apply(JsonObject change);
  }

  private static Result rewrite(byte[] body, ChangeEdit edit) {
    JsonObject root;
    try {
      root = BoundedJsonReader.readObject(body);
    } catch (MalformedWebhookException e) {
      return Result.UNCHANGED;
    }
    if (!(root.get("entry") instanceof JsonArray entries)) {
      return Result.UNCHANGED;
    }
    boolean changed = false;
    JsonArrayBuilder keptEntries = Jsons.createArrayBuilder();
    int entriesLeft = 0;
    for (JsonValue e : entries) {
      if (!(e instanceof JsonObject entry) || !(entry.get("changes") instanceof JsonArray cs)) {
        keptEntries.add(e);
        entriesLeft++;
        continue;
      }
      JsonArrayBuilder keptChanges = Jsons.createArrayBuilder();
      int changesLeft = 0;
      for (JsonValue c : cs) {
        if (!(c instanceof JsonObject change)) {
          keptChanges.add(c);
          changesLeft++;
          continue;
        }
        JsonObject kept = edit.apply(change);
        if (kept != change) {
          changed = true;
        }
        if (kept != null) {
          keptChanges.add(kept);
          changesLeft++;
        }
      }
      if (changesLeft > 0) {
        keptEntries.add(with(entry, "changes", keptChanges.build()));
        entriesLeft++;
      }
    }
    if (!changed) {
      return Result.UNCHANGED;
    }
    if (entriesLeft == 0) {
      return Result.EMPTY;
    }
    String text = with(root, "entry", keptEntries.build()).toString();
    return new Result(Optional.of(text.getBytes(StandardCharsets.UTF_8)), true);
  }

  private static boolean ours(JsonObject change, Set<String> phoneNumberIds) {
    return change.get("value") instanceof JsonObject value
        && value.get("metadata") instanceof JsonObject metadata
        && metadata.get("phone_number_id") instanceof jakarta.json.JsonString id
        && phoneNumberIds.contains(id.getString());
  }

  private static JsonObject withoutWaId(JsonObject change, String waId) {
    JsonObject value = change.getJsonObject("value");
    JsonObjectBuilder v = Jsons.createObjectBuilder(value);
    boolean changed = false;
    boolean left = false;
    for (String[] part :
        new String[][] {
          {"contacts", "wa_id"},
          {"messages", "from"},
          {"statuses", "recipient_id"},
          {"message_echoes", "to"},
          {"user_preferences", "wa_id"}
        }) {
      if (!(value.get(part[0]) instanceof JsonArray items)) {
        continue;
      }
      String key = part[1];
      Predicate<JsonValue> theirs =
          i -> i instanceof JsonObject o && waId.equals(o.getString(key, null));
      JsonArrayBuilder kept = Jsons.createArrayBuilder();
      int n = 0;
      for (JsonValue i : items) {
        if (theirs.test(i)) {
          changed = true;
        } else {
          kept.add(i);
          n++;
        }
      }
      if (n == 0) {
        v.remove(part[0]);
      } else {
        v.add(part[0], kept);
        left |= !part[0].equals("contacts");
      }
    }
    if (!changed) {
      return change;
    }
    if (!left && !value.containsKey("errors")) {
      return null;
    }
    return with(change, "value", v.build());
  }

  private static JsonObject with(JsonObject o, String key, JsonValue value) {
    return Jsons.createObjectBuilder(o).add(key, value).build();
  }
}
