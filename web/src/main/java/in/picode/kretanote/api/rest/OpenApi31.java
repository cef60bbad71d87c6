package in.picode.kretanote.api.rest;

import in.picode.kretanote.platform.boundary.Jsons;
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
 *
 * <p>Where Payara writes something wrong, and only there, it is repaired (a generated client reads
 * the document literally): the defaults Payara writes into every schema built from a class ({@code
 * maxProperties: 0} would forbid every property) are dropped; a request or response schema Payara
 * inlined as a copy of a component (even one without the component's {@code required}, see {@code
 * component}) becomes a {@code $ref} to it (else clients get one model class per operation); the
 * {@code *}{@code /*} body Payara adds next to a documented JSON body goes; and an example written
 * as a string for a number, a boolean or an array becomes that value.
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

  /** Payara's defaults in every schema it builds from a class: they say nothing, or worse. */
  private static final Map<String, JsonValue> DEFAULTS =
      Map.of(
          "minLength", Jsons.createValue(0),
          "minProperties", Jsons.createValue(0),
          "maxProperties", Jsons.createValue(0),
          "uniqueItems", JsonValue.FALSE,
          "readOnly", JsonValue.FALSE,
          "writeOnly", JsonValue.FALSE,
          "deprecated", JsonValue.FALSE);

  private static final String ANY = "*/*";

  private OpenApi31() {}

  /** The 3.1 document of {@code generated} (3.0), served at {@code <contextPath>/api/v1}. */
  static JsonObject convert(JsonObject generated, String contextPath) {
    JsonObjectBuilder out = Jsons.createObjectBuilder();
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
        case "paths" -> out.add(k, paths(e.getValue().asJsonObject(), components(generated)));
        case "tags" -> out.add(k, tags(e.getValue().asJsonArray()));
        case "components" ->
            out.add(k, referenced(walk(e.getValue(), false), components(generated), false));
        default -> out.add(k, walk(e.getValue(), false));
      }
    }
    out.add(
        "servers",
        Jsons.createArrayBuilder()
            .add(
                Jsons.createObjectBuilder()
                    .add("url", (contextPath == null ? "" : contextPath) + PREFIX)
                    .add("description", "This KretaNote server")));
    return out.build();
  }

  /** Each tag once (Payara lists a tag again for every resource class that names it). */
  private static JsonArray tags(JsonArray tags) {
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    Set<String> seen = new java.util.HashSet<>();
    for (JsonValue t : tags) {
      if (!(t instanceof JsonObject o) || seen.add(o.getString("name", ""))) {
        out.add(t);
      }
    }
    return out.build();
  }

  /** The converted component schemas by their converted content, to find inlined copies. */
  private static Map<JsonValue, String> components(JsonObject generated) {
    Map<JsonValue, String> byContent = new java.util.HashMap<>();
    JsonValue schemas = generated.getOrDefault("components", JsonValue.EMPTY_JSON_OBJECT);
    if (schemas instanceof JsonObject c && c.get("schemas") instanceof JsonObject s) {
      s.forEach((name, schema) -> byContent.putIfAbsent(walk(schema, true), name));
    }
    return byContent;
  }

  private static JsonObject paths(JsonObject paths, Map<JsonValue, String> components) {
    JsonObjectBuilder out = Jsons.createObjectBuilder();
    paths.keySet().stream()
        .sorted()
        .forEach(
            path -> {
              int at = path.indexOf(PREFIX + "/");
              if (at >= 0) {
                out.add(
                    path.substring(at + PREFIX.length()),
                    referenced(walk(paths.get(path), false), components, false));
              }
            });
    return out.build();
  }

  /**
   * {@code v} with each schema below it that is a copy of a component (a media type's schema, an
   * array's items, a property) replaced by a {@code $ref}, and without the {@code *}{@code /*} body
   * next to a documented one. {@code properties}: {@code v} is a schema's properties.
   */
  private static JsonValue referenced(
      JsonValue v, Map<JsonValue, String> components, boolean properties) {
    if (v instanceof JsonArray a) {
      JsonArrayBuilder out = Jsons.createArrayBuilder();
      a.forEach(item -> out.add(referenced(item, components, false)));
      return out.build();
    }
    if (!(v instanceof JsonObject o)) {
      return v;
    }
    JsonObjectBuilder out = Jsons.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String k = e.getKey();
      if (k.equals(ANY) && o.size() > 1 && o.containsKey("application/json")) {
        continue;
      }
      boolean slot = properties || k.equals("schema") || k.equals("items");
      String component = slot ? component(e.getValue(), components) : null;
      if (component != null) {
        out.add(k, Jsons.createObjectBuilder().add("$ref", "#/components/schemas/" + component));
      } else {
        out.add(k, referenced(e.getValue(), components, k.equals("properties")));
      }
    }
    return out.build();
  }

  /**
   * The component {@code schema} is a copy of, or null. Payara drops the {@code required} list of
   * the copy it inlines for a property annotated {@code required}: such a copy is one as well (the
   * parent's own {@code required} says the property is required).
   */
  private static String component(JsonValue schema, Map<JsonValue, String> components) {
    String name = components.get(schema);
    if (name != null || !(schema instanceof JsonObject o) || o.containsKey("required")) {
      return name;
    }
    for (Map.Entry<JsonValue, String> c : components.entrySet()) {
      if (c.getKey() instanceof JsonObject k
          && k.containsKey("required")
          && Jsons.createObjectBuilder(k).remove("required").build().equals(o)) {
        return c.getValue();
      }
    }
    return null;
  }

  /** Copies {@code v}, converting it when it is a schema ({@code schema} true) and below it. */
  private static JsonValue walk(JsonValue v, boolean schema) {
    if (v instanceof JsonArray a) {
      JsonArrayBuilder out = Jsons.createArrayBuilder();
      a.forEach(item -> out.add(walk(item, false)));
      return out.build();
    }
    if (!(v instanceof JsonObject o)) {
      return v;
    }
    JsonObjectBuilder out = Jsons.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String k = e.getKey();
      JsonValue value = e.getValue();
      if (SCHEMA.contains(k) && value instanceof JsonObject) {
        out.add(k, walk(value, true));
      } else if (SCHEMA_MAPS.contains(k) && value instanceof JsonObject members) {
        JsonObjectBuilder m = Jsons.createObjectBuilder();
        members.forEach((name, member) -> m.add(name, walk(member, true)));
        out.add(k, m);
      } else if (SCHEMA_LISTS.contains(k) && value instanceof JsonArray list && schema) {
        JsonArrayBuilder l = Jsons.createArrayBuilder();
        list.forEach(member -> l.add(walk(member, true)));
        out.add(k, l);
      } else if (schema && value.equals(DEFAULTS.get(k))) {
        // Payara's default: says nothing
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
    JsonValue type = integer(o.get("type"), o.get("format"));
    if (type != null) {
      out.add("type", type);
    }
    if (o.get("nullable") == JsonValue.TRUE) {
      if (type instanceof JsonString t) {
        out.add("type", Jsons.createArrayBuilder().add(t.getString()).add("null"));
      } else if (o.containsKey("$ref")) {
        out.remove("$ref");
        out.add(
            "anyOf",
            Jsons.createArrayBuilder()
                .add(Jsons.createObjectBuilder().add("$ref", o.get("$ref")))
                .add(Jsons.createObjectBuilder().add("type", "null")));
      }
    }
    if (o.containsKey("example") && !o.containsKey("examples")) {
      out.add("examples", Jsons.createArrayBuilder().add(typed(o.get("type"), o.get("example"))));
    }
    exclusive(o, out, "exclusiveMinimum", "minimum");
    exclusive(o, out, "exclusiveMaximum", "maximum");
  }

  /**
   * Payara writes {@code number} for Java's {@code long} even with {@code format: int64}: with an
   * integer format the type is {@code integer}, as a client must read it (a {@code number} becomes
   * a {@code BigDecimal}).
   */
  private static JsonValue integer(JsonValue type, JsonValue format) {
    boolean whole =
        format instanceof JsonString f
            && (f.getString().equals("int64") || f.getString().equals("int32"));
    if (!whole) {
      return type;
    }
    if (type instanceof JsonString t && t.getString().equals("number")) {
      return Jsons.createValue("integer");
    }
    if (type instanceof JsonArray types && types.contains(Jsons.createValue("number"))) {
      JsonArrayBuilder b = Jsons.createArrayBuilder();
      types.forEach(
          t -> b.add(t.equals(Jsons.createValue("number")) ? Jsons.createValue("integer") : t));
      return b.build();
    }
    return type;
  }

  /**
   * An example Payara wrote as a string, as the number, boolean or array its schema's type says.
   */
  private static JsonValue typed(JsonValue type, JsonValue example) {
    if (!(type instanceof JsonString t) || !(example instanceof JsonString e)) {
      return example;
    }
    String raw = e.getString().strip();
    try {
      return switch (t.getString()) {
        case "integer" -> Jsons.createValue(Long.parseLong(raw));
        case "number" -> Jsons.createValue(new java.math.BigDecimal(raw));
        case "boolean" ->
            "true".equals(raw) ? JsonValue.TRUE : "false".equals(raw) ? JsonValue.FALSE : example;
        case "array" -> {
          try (jakarta.json.JsonReader r = Jsons.createReader(new java.io.StringReader(raw))) {
            yield r.readArray();
          }
        }
        default -> example;
      };
    } catch (NumberFormatException | jakarta.json.JsonException e2) {
      return example;
    }
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
        b.append(Jsons.createValue(e.getKey())).append(':');
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
