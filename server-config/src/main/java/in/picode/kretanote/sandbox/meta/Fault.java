package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One injected misbehaviour for the next {@code times} Graph calls whose method and path match
 * ({@code times} -1 means until cleared). The same shape travels as JSON over {@code POST
 * /_sim/faults}, so a test in another JVM or a sandbox user can drive it.
 *
 * <ul>
 *   <li>{@code http_status}: answer {@code status} with {@code body} (empty by default), no Meta
 *       envelope, as a proxy or load balancer would.
 *   <li>{@code meta_error}: answer Meta's error envelope with {@code code} (status, subcode,
 *       message and details default from the code).
 *   <li>{@code delay}: wait {@code millis}, then answer normally.
 *   <li>{@code disconnect}: close the connection without an answer.
 *   <li>{@code failed_status}: accept a send, then deliver a {@code failed} status webhook with
 *       {@code code}, as Meta does for undeliverable recipients; it only ever matches {@code POST
 *       .../messages}.
 * </ul>
 */
public record Fault(
    Kind kind,
    int times,
    String method,
    String path,
    int status,
    int code,
    Integer subcode,
    String message,
    String details,
    String body,
    long millis) {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public enum Kind {
    HTTP_STATUS,
    META_ERROR,
    DELAY,
    DISCONNECT,
    FAILED_STATUS;

    String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Fault {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (times == 0 || times < -1) {
      throw new IllegalArgumentException("times must be positive or -1 (until cleared)");
    }
    if (kind == Kind.HTTP_STATUS && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("http_status needs a status between 100 and 599");
    }
    if ((kind == Kind.META_ERROR || kind == Kind.FAILED_STATUS) && code <= 0) {
      throw new IllegalArgumentException(kind.jsonName() + " needs a code");
    }
    if (kind == Kind.DELAY && millis <= 0) {
      throw new IllegalArgumentException("delay needs millis > 0");
    }
    if (path != null) {
      Pattern.compile(path);
    }
    method = method == null ? null : method.toUpperCase(Locale.ROOT);
  }

  public static Fault httpStatus(int status) {
    return new Fault(Kind.HTTP_STATUS, 1, null, null, status, 0, null, null, null, null, 0);
  }

  public static Fault metaError(int code) {
    return new Fault(Kind.META_ERROR, 1, null, null, 0, code, null, null, null, null, 0);
  }

  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 1, null, null, 0, 0, null, null, null, null, delay.toMillis());
  }

  public static Fault disconnect() {
    return new Fault(Kind.DISCONNECT, 1, null, null, 0, 0, null, null, null, null, 0);
  }

  public static Fault failedStatus(int code) {
    return new Fault(
        Kind.FAILED_STATUS, 1, "POST", "/messages$", 0, code, null, null, null, null, 0);
  }

  public Fault times(int newTimes) {
    return new Fault(
        kind, newTimes, method, path, status, code, subcode, message, details, body, millis);
  }

  public Fault untilCleared() {
    return times(-1);
  }

  /** Only calls whose path matches this regular expression (searched, not anchored). */
  public Fault onPath(String regex) {
    return new Fault(
        kind, times, method, regex, status, code, subcode, message, details, body, millis);
  }

  public Fault onMethod(String httpMethod) {
    return new Fault(
        kind, times, httpMethod, path, status, code, subcode, message, details, body, millis);
  }

  public Fault withStatus(int httpStatus) {
    return new Fault(
        kind, times, method, path, httpStatus, code, subcode, message, details, body, millis);
  }

  public Fault withSubcode(int errorSubcode) {
    return new Fault(
        kind, times, method, path, status, code, errorSubcode, message, details, body, millis);
  }

  public Fault withMessage(String text) {
    return new Fault(kind, times, method, path, status, code, subcode, text, details, body, millis);
  }

  public Fault withDetails(String text) {
    return new Fault(kind, times, method, path, status, code, subcode, message, text, body, millis);
  }

  public Fault withBody(String text) {
    return new Fault(
        kind, times, method, path, status, code, subcode, message, details, text, millis);
  }

  boolean matches(String httpMethod, String requestPath) {
    if (kind == Kind.FAILED_STATUS
        && !(httpMethod.equals("POST") && requestPath.endsWith("/messages"))) {
      return false;
    }
    return (method == null || method.equals(httpMethod))
        && (path == null || Pattern.compile(path).matcher(requestPath).find());
  }

  public static Fault fromJson(JsonObject json) {
    String kindName = MetaJson.string(json, "kind");
    if (kindName == null) {
      throw new IllegalArgumentException("kind is required");
    }
    Kind kind;
    try {
      kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown kind " + kindName);
    }
    return new Fault(
        kind,
        json.containsKey("times") ? json.getInt("times") : 1,
        MetaJson.string(json, "method"),
        MetaJson.string(json, "path"),
        json.getInt("status", 0),
        json.getInt("code", 0),
        json.get("subcode") instanceof JsonNumber n ? n.intValue() : null,
        MetaJson.string(json, "message"),
        MetaJson.string(json, "details"),
        MetaJson.string(json, "body"),
        json.get("millis") instanceof JsonNumber n ? n.longValue() : 0);
  }

  public JsonObject toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("kind", kind.jsonName()).add("times", times);
    addIfPresent(json, "method", method);
    addIfPresent(json, "path", path);
    if (status > 0) {
      json.add("status", status);
    }
    if (code > 0) {
      json.add("code", code);
    }
    if (subcode != null) {
      json.add("subcode", subcode);
    }
    addIfPresent(json, "message", message);
    addIfPresent(json, "details", details);
    addIfPresent(json, "body", body);
    if (millis > 0) {
      json.add("millis", millis);
    }
    return json.build();
  }

  private static void addIfPresent(JsonObjectBuilder json, String key, String value) {
    if (value != null) {
      json.add(key, value);
    }
  }
}
