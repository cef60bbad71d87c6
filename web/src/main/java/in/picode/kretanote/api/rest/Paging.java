package in.picode.kretanote.api.rest;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pages as every list of the API answers them: {@code {"data": [...], "next_cursor": …}}.
 * The caller reads one row more than the page holds; that row only says whether there is a next
 * page, and the cursor is the position of the page's last row (opaque to the client).
 */
final class Paging {

  private Paging() {}

  /** Rows newest first; {@code rows} may hold {@code max + 1}. */
  static <T> Response page(
      List<T> rows, int max, Function<T, JsonValue> json, Function<T, String> position) {
    List<T> shown = rows.size() > max ? rows.subList(0, max) : rows;
    return answer(
        shown, json, rows.size() > max ? position.apply(shown.get(shown.size() - 1)) : null);
  }

  /**
   * Rows oldest first within the page (a conversation's messages): the extra row is the oldest, at
   * the head, and the cursor is the oldest row shown.
   */
  static <T> Response pageOldestFirst(
      List<T> rows, int max, Function<T, JsonValue> json, Function<T, String> position) {
    boolean more = rows.size() > max;
    List<T> shown = more ? rows.subList(1, rows.size()) : rows;
    return answer(shown, json, more && !shown.isEmpty() ? position.apply(shown.get(0)) : null);
  }

  /** A list that is never paged: {@code {"data": [...]}}. */
  static <T> Response all(List<T> rows, Function<T, JsonValue> json) {
    JsonArrayBuilder data = Jsons.createArrayBuilder();
    rows.forEach(r -> data.add(json.apply(r)));
    return Response.ok(Jsons.createObjectBuilder().add("data", data).build().toString()).build();
  }

  private static <T> Response answer(
      List<T> shown, Function<T, JsonValue> json, String nextPosition) {
    JsonArrayBuilder data = Jsons.createArrayBuilder();
    shown.forEach(r -> data.add(json.apply(r)));
    JsonObjectBuilder body = Jsons.createObjectBuilder().add("data", data);
    if (nextPosition == null) {
      body.addNull("next_cursor");
    } else {
      body.add("next_cursor", Api.cursor(nextPosition));
    }
    JsonObject page = body.build();
    return Response.ok(page.toString()).build();
  }
}
