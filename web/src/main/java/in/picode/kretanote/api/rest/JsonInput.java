package in.picode.kretanote.api.rest;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body read strictly: at most {@code max} bytes, well-formed JSON, an object, no field
 * the endpoint does not know (named in the answer), and typed reads that collect every problem with
 * its JSON pointer before anything is done ({@link #done}), so bad input is refused whole.
 */
final class JsonInput {

  private final JsonObject root;
  private final byte[] sha256;
  private final List<ApiProblem.FieldError> errors = new ArrayList<>();

  private JsonInput(JsonObject root, byte[] sha256) {
    this.root = root;
    this.sha256 = sha256;
  }

  /** SHA-256 of the request as parsed (whitespace and field order do not matter). */
  byte[] sha256() {
    return sha256.clone();
  }

  static JsonInput read(InputStream in, long max, Set<String> known) {
    return parse(bytes(in, max), known);
  }

  /** Like {@link #read} but an empty body is no input at all (null). */
  static JsonInput readOptional(InputStream in, long max, Set<String> known) {
    byte[] bytes = bytes(in, max);
    return bytes.length == 0 ? null : parse(bytes, known);
  }

  private static byte[] bytes(InputStream in, long max) {
    byte[] bytes;
    try {
      bytes = in == null ? new byte[0] : in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
    } catch (IOException e) {
      throw new ApiProblem(
          400, "unreadable_body", "Unreadable body", "The body could not be read.");
    }
    if (bytes.length > max) {
      throw new ApiProblem(
          413,
          "body_too_large",
          "Body too large",
          "Request bodies may have at most " + max + " bytes.");
    }
    return bytes;
  }

  private static JsonInput parse(byte[] bytes, Set<String> known) {
    if (bytes.length == 0) {
      throw new ApiProblem(
          400, "malformed_json", "Malformed JSON", "The body is empty; send a JSON object.");
    }
    JsonValue value;
    try (JsonReader reader = Jsons.createReader(new ByteArrayInputStream(bytes))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw new ApiProblem(
          400,
          "malformed_json",
          "Malformed JSON",
          "The body is not valid JSON"
              + (at == null
                  ? "."
                  : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")."));
    } catch (JsonException e) {
      throw new ApiProblem(400, "malformed_json", "Malformed JSON", "The body is not valid JSON.");
    }
    if (!(value instanceof JsonObject object)) {
      throw new ApiProblem(
          400, "malformed_json", "Malformed JSON", "The body must be a JSON object.");
    }
    byte[] hash;
    try {
      hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(canonical(object).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    JsonInput input = new JsonInput(object, hash);
    input.unknown(object, "", known);
    return input;
  }

  /** The value with object keys sorted, so equal requests hash alike. */
  static String canonical(JsonValue v) {
    if (v instanceof JsonObject o) {
      StringBuilder b = new StringBuilder("{");
      o.keySet().stream()
          .sorted()
          .forEach(
              k ->
                  b.append(b.length() > 1 ? "," : "")
                      .append(Jsons.createValue(k))
                      .append(':')
                      .append(canonical(o.get(k))));
      return b.append('}').toString();
    }
    if (v instanceof JsonArray a) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < a.size(); i++) {
        b.append(i > 0 ? "," : "").append(canonical(a.get(i)));
      }
      return b.append(']').toString();
    }
    return v.toString();
  }

  /** Refuses fields of {@code object} (at {@code prefix}) that are not in {@code known}. */
  void unknown(JsonObject object, String prefix, Set<String> known) {
    for (String k : object.keySet()) {
      if (!known.contains(k)) {
        errors.add(new ApiProblem.FieldError(prefix + "/" + k, "unknown field"));
      }
    }
  }

  JsonObject root() {
    return root;
  }

  void error(String pointer, String detail) {
    errors.add(new ApiProblem.FieldError(pointer, detail));
  }

  boolean has(String field) {
    return root.containsKey(field) && root.get(field).getValueType() != JsonValue.ValueType.NULL;
  }

  String string(String field, boolean required, int maxLength) {
    return string(root, "", field, required, maxLength);
  }

  String string(JsonObject o, String prefix, String field, boolean required, int maxLength) {
    JsonValue v = o.get(field);
    String pointer = prefix + "/" + field;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new ApiProblem.FieldError(pointer, "is required"));
      }
      return null;
    }
    if (!(v instanceof JsonString s)) {
      errors.add(new ApiProblem.FieldError(pointer, "must be a string"));
      return null;
    }
    if (s.getString().length() > maxLength) {
      errors.add(new ApiProblem.FieldError(pointer, "is longer than " + maxLength + " characters"));
      return null;
    }
    return s.getString();
  }

  Long number(String field, boolean required) {
    return number(root, "", field, required);
  }

  Long number(JsonObject o, String prefix, String field, boolean required) {
    JsonValue v = o.get(field);
    String pointer = prefix + "/" + field;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new ApiProblem.FieldError(pointer, "is required"));
      }
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      errors.add(new ApiProblem.FieldError(pointer, "must be an integer"));
      return null;
    }
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      errors.add(new ApiProblem.FieldError(pointer, "is out of range"));
      return null;
    }
  }

  Boolean bool(String field, boolean required) {
    return bool(root, "", field, required);
  }

  Boolean bool(JsonObject o, String prefix, String field, boolean required) {
    JsonValue v = o.get(field);
    String pointer = prefix + "/" + field;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new ApiProblem.FieldError(pointer, "is required"));
      }
      return null;
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE;
    }
    errors.add(new ApiProblem.FieldError(pointer, "must be true or false"));
    return null;
  }

  /** An array of strings (each at most {@code maxLength}); empty list when absent. */
  List<String> strings(JsonObject o, String prefix, String field, int maxItems, int maxLength) {
    JsonValue v = o.get(field);
    String pointer = prefix + "/" + field;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      errors.add(new ApiProblem.FieldError(pointer, "must be an array of strings"));
      return List.of();
    }
    if (a.size() > maxItems) {
      errors.add(new ApiProblem.FieldError(pointer, "has more than " + maxItems + " items"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonValue item = a.get(i);
      if (!(item instanceof JsonString s)) {
        errors.add(new ApiProblem.FieldError(pointer + "/" + i, "must be a string"));
      } else if (s.getString().length() > maxLength) {
        errors.add(
            new ApiProblem.FieldError(
                pointer + "/" + i, "is longer than " + maxLength + " characters"));
      } else {
        out.add(s.getString());
      }
    }
    return out;
  }

  /**
   * An array of {@code min} to {@code max} objects at {@code field}, each with only {@code known}
   * fields, with its pointer ({@code /buttons/0}); empty when absent (and {@code min} is 0).
   */
  List<Item> objects(
      JsonObject o, String prefix, String field, int min, int max, Set<String> known) {
    JsonValue v = o.get(field);
    String pointer = prefix + "/" + field;
    String size = min == max ? "" + max : min + " to " + max;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (min > 0) {
        errors.add(new ApiProblem.FieldError(pointer, "must be an array of " + size + " objects"));
      }
      return List.of();
    }
    if (!(v instanceof JsonArray array) || array.size() < min || array.size() > max) {
      errors.add(new ApiProblem.FieldError(pointer, "must be an array of " + size + " objects"));
      return List.of();
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = pointer + "/" + i;
      if (array.get(i) instanceof JsonObject item) {
        unknown(item, at, known);
        out.add(new Item(item, at));
      } else {
        errors.add(new ApiProblem.FieldError(at, "must be an object"));
      }
    }
    return out;
  }

  /** One object of an array, with its JSON pointer. */
  record Item(JsonObject object, String pointer) {}

  JsonObject object(String field, boolean required) {
    JsonValue v = root.get(field);
    String pointer = "/" + field;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new ApiProblem.FieldError(pointer, "is required"));
      }
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      errors.add(new ApiProblem.FieldError(pointer, "must be an object"));
      return null;
    }
    return o;
  }

  /** Throws the collected problems, if any: nothing has been done yet. */
  void done() {
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  /**
   * An object of custom field values at {@code field}: field name to value (strings, numbers and
   * booleans as text), null clearing it; absent is an empty map.
   */
  Map<String, String> fieldValues(String field, int maxEntries, int valueMax) {
    JsonInput in = this;
    if (!in.has(field)) {
      return Map.of();
    }
    JsonObject o = in.object(field, false);
    if (o == null) {
      return Map.of();
    }
    if (o.size() > maxEntries) {
      in.error("/" + field, "at most " + maxEntries + " fields at once");
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String pointer = "/" + field + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
      JsonValue v = e.getValue();
      String value =
          switch (v.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) v).getString();
            case NUMBER, TRUE, FALSE -> v.toString();
            default -> {
              in.error(pointer, "must be a string, number, boolean or null");
              yield null;
            }
          };
      if (value != null && value.length() > valueMax) {
        in.error(pointer, "must have at most " + valueMax + " characters");
      }
      out.put(e.getKey(), value);
    }
    return out;
  }
}
