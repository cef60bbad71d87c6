package in.picode.kretanote.meta.control;

import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.Set;

/**
 * Turns Meta's error envelope {@code {"error":{"message","type","code","error_subcode",
 * "error_data":{"details"},"fbtrace_id"}}} into a {@link GraphException}, and classifies it by code
 * as the table in META-CLOUD-API.md says. Secrets the caller sent are cut out of Meta's texts, in
 * case an error ever echoes them.
 */
public final class GraphErrors {

  private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000);
  private static final Set<Integer> THROTTLED =
      Set.of(4, 17, 32, 613, 80007, 130429, 131048, 131056);
  private static final Set<Integer> AUTH = Set.of(102, 104, 190);

  private GraphErrors() {}

  /** The class of a Meta error code, or of the HTTP status when there is no code. */
  public static ErrorClass classify(Integer code, int httpStatus) {
    if (code != null) {
      if (TRANSIENT.contains(code)) {
        return ErrorClass.TRANSIENT;
      }
      if (THROTTLED.contains(code)) {
        return ErrorClass.THROTTLED;
      }
      // 10 and 200-299: the token lacks a permission; a new token with it is the only fix.
      if (AUTH.contains(code) || code == 10 || (code >= 200 && code <= 299)) {
        return ErrorClass.AUTH;
      }
      return ErrorClass.PERMANENT;
    }
    if (httpStatus == 429) {
      return ErrorClass.THROTTLED;
    }
    if (httpStatus == 401) {
      return ErrorClass.AUTH;
    }
    if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 0) {
      return ErrorClass.TRANSIENT;
    }
    return ErrorClass.PERMANENT;
  }

  /**
   * The exception for a non-2xx answer. A body that is not Meta's envelope (a proxy's HTML page, an
   * empty 502) still gives an exception classified by the HTTP status.
   */
  public static GraphException fromResponse(
      String operation, int httpStatus, byte[] body, Collection<String> secrets) {
    JsonObject error = envelope(body);
    if (error == null) {
      return new GraphException(
          operation,
          httpStatus,
          null,
          null,
          "no error details from Meta",
          null,
          null,
          classify(null, httpStatus));
    }
    Integer code = integer(error.get("code"));
    Integer subcode = integer(error.get("error_subcode"));
    if (subcode != null && subcode == 0) {
      subcode = null;
    }
    String message = redact(string(error.get("message")), secrets);
    String details = null;
    if (error.get("error_data") instanceof JsonObject data) {
      details = redact(string(data.get("details")), secrets);
    }
    String trace = string(error.get("fbtrace_id"));
    return new GraphException(
        operation, httpStatus, code, subcode, message, details, trace, classify(code, httpStatus));
  }

  static JsonObject envelope(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try (JsonReader reader = Jsons.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject o && o.get("error") instanceof JsonObject e) {
        return e;
      }
      return null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  private static Integer integer(JsonValue v) {
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.intValue();
    }
    if (v instanceof JsonString s && s.getString().matches("-?[0-9]{1,9}")) {
      return Integer.valueOf(s.getString());
    }
    return null;
  }

  private static String string(JsonValue v) {
    if (v instanceof JsonString s) {
      String text = s.getString();
      return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
    return null;
  }

  static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 6) {
        out = out.replace(secret, "[redacted]");
      }
    }
    return out;
  }
}
