package in.picode.kretanote.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OpenApi31Test {

  static final String GENERATED =
      """
      {"openapi":"3.0.3","endpoints":{"/kn":["/kn/api/v1/contacts"]},
       "info":{"title":"KretaNote API","version":"1"},
       "servers":[{"url":"http://localhost:8080/kn"}],
       "paths":{
        "/kn/api/v1/contacts/{id}":{"get":{"operationId":"getContacts","summary":"One",
          "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"},
                         "example":"42"}],
          "responses":{"200":{"description":"ok","content":{"application/json":{
            "schema":{"$ref":"#/components/schemas/Contact"},"example":{"id":42}}}}}}},
        "/kn/other/thing":{"get":{"responses":{"200":{"description":"ok"}}}}},
       "components":{"schemas":{"Contact":{"type":"object","required":["id"],"properties":{
         "id":{"type":"integer","format":"int64","example":42},
         "name":{"type":"string","nullable":true,"example":"Ana"},
         "owner":{"$ref":"#/components/schemas/Owner","nullable":true},
         "score":{"type":"number","minimum":0,"exclusiveMinimum":true},
         "tags":{"type":"array","items":{"type":"string","nullable":true}}}},
         "Owner":{"type":"object","properties":{"id":{"type":"integer"}}}}}}
      """;

  @Test
  void aGeneratedDocumentBecomesValidOpenApi31() {
    JsonObject out =
        OpenApi31.convert(Json.createReader(new StringReader(GENERATED)).readObject(), "/kn");
    assertThat(out.getString("openapi")).isEqualTo("3.1.0");
    assertThat(out.containsKey("endpoints")).isFalse();
    assertThat(out.getJsonObject("paths").keySet()).containsExactly("/contacts/{id}");
    assertThat(out.getJsonArray("servers").getJsonObject(0).getString("url"))
        .isEqualTo("/kn/api/v1");
    JsonObject props =
        out.getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("Contact")
            .getJsonObject("properties");
    assertThat(props.getJsonObject("name").toString())
        .isEqualTo("{\"type\":[\"string\",\"null\"],\"examples\":[\"Ana\"]}");
    assertThat(props.getJsonObject("owner").toString())
        .isEqualTo("{\"anyOf\":[{\"$ref\":\"#/components/schemas/Owner\"},{\"type\":\"null\"}]}");
    assertThat(props.getJsonObject("score").toString())
        .isEqualTo("{\"type\":\"number\",\"exclusiveMinimum\":0}");
    assertThat(props.getJsonObject("tags").getJsonObject("items").toString())
        .isEqualTo("{\"type\":[\"string\",\"null\"]}");
    // Outside schemas, example stays what it is (parameters and media types keep it in 3.1).
    JsonObject get =
        out.getJsonObject("paths").getJsonObject("/contacts/{id}").getJsonObject("get");
    assertThat(get.getJsonArray("parameters").getJsonObject(0).getString("example"))
        .isEqualTo("42");

    SwaggerParseResult parsed = parse(out.toString());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    SwaggerParseResult yaml = parse(OpenApi31.yaml(out));
    assertThat(yaml.getMessages()).isEmpty();
    assertThat(yaml.getOpenAPI()).isEqualTo(parsed.getOpenAPI());
  }

  /** Payara's 3.0 output as it really comes: defaults in every schema, components inlined. */
  static final String CONTACT =
      """
      {"type":"object","minLength":0,"maxProperties":0,"minProperties":0,"uniqueItems":false,
       "readOnly":false,"writeOnly":false,"deprecated":false,"required":["id"],"properties":{
        "id":{"type":"number","format":"int64","example":"42","minLength":0,"readOnly":false},
        "assignee_id":{"type":"number","format":"int64","nullable":true},
        "score":{"type":"number","example":"1.5"},
        "opted_out":{"type":"boolean","example":"true"},
        "tags":{"type":"array","items":{"type":"string"},"example":"[\\"vip\\"]"}}}
      """;

  static final String PAYARA =
      """
      {"openapi":"3.0.3","info":{"title":"KretaNote API","version":"1"},
       "paths":{"/kn/api/v1/contacts":{
        "get":{"responses":{"200":{"description":"ok","content":{"application/json":{
          "schema":{"type":"object","maxProperties":0,"properties":{
            "data":{"type":"array","items":%1$s}}}}}}}},
        "post":{"requestBody":{"content":{"*/*":{"schema":{"type":"object"}},
          "application/json":{"schema":%1$s}}},
          "responses":{"201":{"description":"ok"}}}}},
       "components":{"schemas":{"Contact":%1$s,
         "ContactPage":{"type":"object","maxProperties":0,"properties":{
           "data":{"type":"array","items":%1$s}}}}}}
      """
          .formatted(CONTACT);

  @Test
  void whatPayaraGetsWrongIsRepaired() {
    JsonObject out =
        OpenApi31.convert(Json.createReader(new StringReader(PAYARA)).readObject(), "/kn");
    JsonObject schemas = out.getJsonObject("components").getJsonObject("schemas");
    JsonObject contact = schemas.getJsonObject("Contact");
    assertThat(contact.keySet()).containsExactlyInAnyOrder("type", "required", "properties");
    JsonObject props = contact.getJsonObject("properties");
    assertThat(props.getJsonObject("id").toString())
        .isEqualTo("{\"type\":\"integer\",\"format\":\"int64\",\"examples\":[42]}");
    assertThat(props.getJsonObject("assignee_id").getJsonArray("type").toString())
        .isEqualTo("[\"integer\",\"null\"]");
    assertThat(props.getJsonObject("score").toString())
        .as("a number without an integer format stays a number")
        .isEqualTo("{\"type\":\"number\",\"examples\":[1.5]}");
    assertThat(props.getJsonObject("opted_out").toString())
        .isEqualTo("{\"type\":\"boolean\",\"examples\":[true]}");
    assertThat(props.getJsonObject("tags").getJsonArray("examples").toString())
        .isEqualTo("[[\"vip\"]]");
    String ref = "{\"$ref\":\"#/components/schemas/";
    assertThat(
            schemas
                .getJsonObject("ContactPage")
                .getJsonObject("properties")
                .getJsonObject("data")
                .getJsonObject("items")
                .toString())
        .isEqualTo(ref + "Contact\"}");
    JsonObject contacts = out.getJsonObject("paths").getJsonObject("/contacts");
    assertThat(
            contacts
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .toString())
        .isEqualTo(ref + "ContactPage\"}");
    JsonObject body = contacts.getJsonObject("post").getJsonObject("requestBody");
    assertThat(body.getJsonObject("content").keySet()).containsExactly("application/json");
    assertThat(body.getJsonObject("content").getJsonObject("application/json").toString())
        .isEqualTo("{\"schema\":" + ref + "Contact\"}}");
    assertThat(parse(out.toString()).getMessages()).isEmpty();
  }

  @Test
  void aCopyWithoutTheComponentsRequiredListIsARefAndOtherObjectsStay() {
    String generated =
        """
        {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},
         "components":{"schemas":{
          "Pair":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
          "Holder":{"type":"object","required":["pair"],"properties":{
            "pair":{"type":"object","properties":{"name":{"type":"string"}}},
            "other":{"type":"object","properties":{"name":{"type":"integer"}}},
            "loose":{"type":"object","required":[],"properties":{"name":{"type":"string"}}}}}}}}
        """;
    JsonObject props =
        OpenApi31.convert(Json.createReader(new StringReader(generated)).readObject(), "")
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("Holder")
            .getJsonObject("properties");
    assertThat(props.getJsonObject("pair").toString())
        .isEqualTo("{\"$ref\":\"#/components/schemas/Pair\"}");
    assertThat(props.getJsonObject("other").containsKey("$ref")).isFalse();
    assertThat(props.getJsonObject("loose").containsKey("$ref"))
        .as("a copy with a required list of its own is compared as it is")
        .isFalse();
  }

  @Test
  void yamlQuotesEveryStringAndKeepsEmptyValues() {
    JsonObject o =
        Json.createObjectBuilder()
            .add("a: b", "x\n'y' #z")
            .add(
                "list",
                Json.createArrayBuilder()
                    .add(1)
                    .add(
                        Json.createObjectBuilder()
                            .add("k", true)
                            .add("e", Json.createArrayBuilder()))
                    .add(Json.createArrayBuilder().add("q")))
            .add("empty", Json.createObjectBuilder())
            .addNull("n")
            .build();
    String yaml = OpenApi31.yaml(o);
    assertThat(yaml)
        .isEqualTo(
            "\n\"a: b\": \"x\\n'y' #z\"\n\"list\":\n  - 1\n  - \"k\": true\n    \"e\": []\n"
                + "  - - \"q\"\n\"empty\": {}\n\"n\": null\n");
  }

  /**
   * The copy the contract test's client is generated from is valid OpenAPI 3.1, without message.
   */
  @Test
  void theCheckedInDocumentIsValid() throws Exception {
    Path copy = Path.of("src/test/resources/openapi/kretanote-api-v1.json");
    SwaggerParseResult parsed = parse(Files.readString(copy));
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(parsed.getOpenAPI().getPaths())
        .containsKeys("/contacts", "/messages", "/media/{id}");
  }

  static SwaggerParseResult parse(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(document, null, options);
  }
}
