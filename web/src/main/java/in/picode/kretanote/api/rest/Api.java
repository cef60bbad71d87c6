package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.ApiCaller;
import in.picode.kretanote.api.boundary.Scope;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/** What every resource needs: the caller and its scopes, cursors, times, ETags. */
final class Api {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private Api() {}

  /** The caller the key filter authenticated, if it may do {@code scope}; else 403. */
  static ApiCaller caller(HttpServletRequest request, Scope scope) {
    Object c = request.getAttribute(ApiCaller.REQUEST_ATTRIBUTE);
    if (!(c instanceof ApiCaller caller)) {
      throw new ApiProblem(401, "unauthenticated", "Not signed in", "Send an API key.");
    }
    if (!caller.may(scope)) {
      throw new ApiProblem(
          403,
          "insufficient_scope",
          "Forbidden",
          "This API key lacks the permission " + scope.wire() + ".");
    }
    return caller;
  }

  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  /** An opaque cursor; inside, the keyset position. */
  static String cursor(String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  static String position(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
  }

  static Long beforeId(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(position(cursor));
    } catch (NumberFormatException e) {
      throw badCursor();
    }
  }

  /** A send's {@code Idempotency-Key}: required (its form is the outbound feature's to check). */
  static String idempotencyKey(String key) {
    if (key == null || key.isBlank()) {
      throw new ApiProblem(
          400,
          "idempotency_key_missing",
          "Idempotency-Key required",
          "Send an Idempotency-Key header (1 to 100 printable characters) with every send.");
    }
    return key;
  }

  static ApiProblem badCursor() {
    return new ApiProblem(
        400, "invalid_cursor", "Invalid cursor", "The cursor is not one this API handed out.");
  }

  static long id(String raw, String what) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ApiProblem.notFound(what);
  }

  /** ISO-8601 in UTC, milliseconds. */
  static String time(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** A strong ETag over a representation. */
  static String etag(String representation) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(representation.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(h, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The response with the representation as its body and its {@link #etag} as ETag. */
  static Response.ResponseBuilder tagged(
      Response.ResponseBuilder response, JsonObject representation) {
    String body = representation.toString();
    return response.entity(body).header("ETag", etag(body));
  }

  /**
   * A change's precondition: {@code If-Match} must name the ETag of the resource as it is now
   * ({@code current}, as {@link #tagged} answered it) or be {@code *}; 428 without, 412 when stale.
   */
  static void ifMatch(String ifMatch, JsonObject current) {
    String tag = etag(current.toString());
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiProblem(
          428,
          "precondition_required",
          "If-Match required",
          "Send the ETag of the resource you change in If-Match.");
    }
    if (!ifMatch.strip().equals("*") && !ifMatch.strip().equals(tag)) {
      throw new ApiProblem(
          412,
          "precondition_failed",
          "Changed meanwhile",
          "The resource changed since you read it; read it again and repeat the change.");
    }
  }
}
