package in.picode.kretanote.api.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * The API's OpenAPI 3.1 document, derived from the 3.0 document MicroProfile OpenAPI generates from
 * the resources' annotations (Payara implements OpenAPI 3.0 only): the paths of {@code /api/v1}
 * made relative to the server {@code <context>/api/v1}; in schemas {@code nullable: true} becomes a
 * type array with {@code "null"}, {@code example} becomes {@code examples}, boolean {@code
 * exclusiveMinimum}/{@code exclusiveMaximum} become numbers; root fields that are not OpenAPI's
 * (Payara's {@code endpoints}) are dropped. Plain functions, tested without a container.
 */
final class OpenApi31 {

  static final String VERSION = "3.1.0";
  static final String PREFIX = "/api/v1";

  /** Keys under which a value is a schema, and keys under which each member is one. */
  private static final Set<String> SCHEMA =
      Set.of("schema", "items", "additionalProperties", "not");

  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "schemas");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");
  private static final Set<String> ROOT =
      Set.of(
          "openapi",
          "info",
          "jsonSchemaDialect",
          "servers",
          "paths",
          "webhooks",
          "components",
          "security",
          "tags",
          "externalDocs");

  private OpenApi31() {}

  /** The 3.1 document of {@code generated} (3.0), served at {@code <contextPath>/api/v1}. */
  static JsonObject convert(JsonObject generated, String contextPath) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : generated.entrySet()) {
      String k = e.getKey();
      if (!ROOT.contains(k) && !k.startsWith("x-")) {
        continue;
      }
      switch (k) {
        case "openapi" -> out.add(k, VERSION);
        case "servers" -> {
          // replaced below
        }
        case "paths" -> out.add(k, paths(e.getValue().asJsonObject()));
        case "tags" -> out.add(k, tags(e.getValue().asJsonArray()));
        default -> out.add(k, walk(e.getValue(), false));
      }
    }
    out.add(
        "servers",
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("url", (contextPath == null ? "" : contextPath) + PREFIX)
                    .add("description", "This KretaNote server")));
    return out.build();
  }

  /** Each tag once (Payara lists a tag again for every resource class that names it). */
  private static JsonArray tags(JsonArray tags) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    Set<String> seen = new java.util.HashSet<>();
    for (JsonValue t : tags) {
      if (!(t instanceof JsonObject o) || seen.add(o.getString("name", ""))) {
        out.add(t);
      }
    }
    return out.build();
  }

  private static JsonObject paths(JsonObject paths) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    paths.keySet().stream()
        .sorted()
        .forEach(
            path -> {
              int at = path.indexOf(PREFIX + "/");
              if (at >= 0) {
                out.add(path.substring(at + PREFIX.length()), walk(paths.get(path), false));
              }
            });
    return out.build();
  }

  /** Copies {@code v}, converting it when it is a schema ({@code schema} true) and below it. */
  private static JsonValue walk(JsonValue v, boolean schema) {
    if (v instanceof JsonArray a) {
      JsonArrayBuilder out = Json.createArrayBuilder();
      a.forEach(item -> out.add(walk(item, false)));
      return out.build();
    }
    if (!(v instanceof JsonObject o)) {
      return v;
    }
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String k = e.getKey();
      JsonValue value = e.getValue();
      if (SCHEMA.contains(k) && value instanceof JsonObject) {
        out.add(k, walk(value, true));
      } else if (SCHEMA_MAPS.contains(k) && value instanceof JsonObject members) {
        JsonObjectBuilder m = Json.createObjectBuilder();
        members.forEach((name, member) -> m.add(name, walk(member, true)));
        out.add(k, m);
      } else if (SCHEMA_LISTS.contains(k) && value instanceof JsonArray list && schema) {
        JsonArrayBuilder l = Json.createArrayBuilder();
        list.forEach(member -> l.add(walk(member, true)));
        out.add(k, l);
      } else if (schema && (k.equals("nullable") || k.equals("example"))) {
        // below
      } else if (schema
          && (k.equals("exclusiveMinimum") || k.equals("exclusiveMaximum"))
          && (value == JsonValue.TRUE || value == JsonValue.FALSE)) {
        // below
      } else {
        out.add(k, walk(value, false));
      }
    }
    if (schema) {
      schemaChanges(o, out);
    }
    return out.build();
  }

  private static void schemaChanges(JsonObject o, JsonObjectBuilder out) {
    if (o.get("nullable") == JsonValue.TRUE) {
      JsonValue type = o.get("type");
      if (type instanceof JsonString t) {
        out.add("type", Json.createArrayBuilder().add(t.getString()).add("null"));
      } else if (o.containsKey("$ref")) {
        out.remove("$ref");
        out.add(
            "anyOf",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("$ref", o.get("$ref")))
                .add(Json.createObjectBuilder().add("type", "null")));
      }
    }
    if (o.containsKey("example") && !o.containsKey("examples")) {
      out.add("examples", Json.createArrayBuilder().add(o.get("example")));
    }
    exclusive(o, out, "exclusiveMinimum", "minimum");
    exclusive(o, out, "exclusiveMaximum", "maximum");
  }

  private static void exclusive(JsonObject o, JsonObjectBuilder out, String flag, String bound) {
    if (o.get(flag) == JsonValue.TRUE && o.get(bound) instanceof JsonNumber n) {
      out.remove(bound);
      out.add(flag, n);
    }
  }

  /** The document as YAML (block style; every string double-quoted, so nothing is misread). */
  static String yaml(JsonValue document) {
    StringBuilder b = new StringBuilder();
    yaml(b, document, 0, false);
    return b.append('\n').toString();
  }

  private static void yaml(StringBuilder b, JsonValue v, int indent, boolean inline) {
    String pad = "  ".repeat(indent);
    if (v instanceof JsonObject o && !o.isEmpty()) {
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        if (!(first && inline)) {
          b.append('\n').append(pad);
        }
        first = false;
        b.append(Json.createValue(e.getKey())).append(':');
        scalarOrBlock(b, e.getValue(), indent + 1);
      }
    } else if (v instanceof JsonArray a && !a.isEmpty()) {
      boolean first = true;
      for (JsonValue item : a) {
        if (!(first && inline)) {
          b.append('\n').append(pad);
        }
        first = false;
        b.append("- ");
        if (item instanceof JsonObject || item instanceof JsonArray) {
          yaml(b, item, indent + 1, true);
        } else {
          b.append(item);
        }
      }
    } else {
      b.append(v);
    }
  }

  private static void scalarOrBlock(StringBuilder b, JsonValue v, int indent) {
    if ((v instanceof JsonObject o && !o.isEmpty()) || (v instanceof JsonArray a && !a.isEmpty())) {
      yaml(b, v, indent, false);
    } else {
      b.append(' ').append(v);
    }
  }
}
