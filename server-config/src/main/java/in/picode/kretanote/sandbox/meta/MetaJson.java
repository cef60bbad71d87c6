package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Serialises JSON the way Meta does on the wire: pure ASCII, every non-ASCII character as a
 * lowercase {@code \\uXXXX} escape (emoji as surrogate pairs) and {@code /} as {@code \/}. A
 * receiver that verifies the webhook signature on re-serialised JSON instead of the raw bytes fails
 * on exactly these payloads, which is the point of reproducing them.
 */
public final class MetaJson {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private MetaJson() {}

  /** Meta's wire form: ASCII only, escaped non-ASCII and slashes. */
  public static byte[] bytes(JsonValue value) {
    return write(value, true).getBytes(StandardCharsets.US_ASCII);
  }

  /** Plain UTF-8 form (non-ASCII written raw), for tests that want both variants. */
  public static byte[] utf8Bytes(JsonValue value) {
    return write(value, false).getBytes(StandardCharsets.UTF_8);
  }

  public static String write(JsonValue value, boolean metaEscaping) {
    StringBuilder out = new StringBuilder(256);
    write(value, metaEscaping, out);
    return out.toString();
  }

  public static JsonObject parseObject(byte[] body) {
    try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    }
  }

  public static JsonObject parseObject(String body) {
    try (var reader = JSON.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** Parses a request body; an empty body is an empty object, anything malformed is empty. */
  static Optional<JsonObject> tryParseObject(byte[] body) {
    if (body.length == 0) {
      return Optional.of(JsonValue.EMPTY_JSON_OBJECT);
    }
    try {
      return Optional.of(parseObject(body));
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return Optional.empty();
    }
  }

  static String string(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }

  static JsonObject object(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value instanceof JsonObject o ? o : null;
  }

  static JsonArray array(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value instanceof JsonArray a ? a : null;
  }

  private static void write(JsonValue value, boolean meta, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          quote(e.getKey(), meta, out);
          out.append(':');
          write(e.getValue(), meta, out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonValue element : value.asJsonArray()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          write(element, meta, out);
        }
        out.append(']');
      }
      case STRING -> quote(((JsonString) value).getString(), meta, out);
      default -> out.append(value);
    }
  }

  private static void quote(String s, boolean meta, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '/' -> out.append(meta ? "\\/" : "/");
        default -> {
          if (c < 0x20 || (meta && c > 0x7e)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
