package in.picode.kretanote.api.rest;

import static in.picode.kretanote.api.rest.PublicApiIT.await;
import static in.picode.kretanote.api.rest.PublicApiIT.outbound;
import static in.picode.kretanote.api.rest.PublicApiIT.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.SimulatorControl;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public API's third round over real HTTP, in one deployment: files sent by HTTPS link (what
 * reached the simulated Meta, and every bad link refused before it), a received image downloaded
 * byte for byte with its type and ETag, notes written by an API key and shown as such on the
 * conversation page, campaign resume and cancel with the state machine's refusals, and the OpenAPI
 * 3.1 document (valid, every endpoint in it, the checked-in copy the client is generated from equal
 * to what the server serves).
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class PublicApiContractIT {

  static final int MAX_BYTES = 65536;
  static final Path CHECKED_IN = Path.of("src/test/resources/openapi/kretanote-api-v1.json");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app(
        "public-api-3",
        Map.of(
            "kretanote.api.max-bytes",
            Integer.toString(MAX_BYTES),
            "mp.openapi.scan.packages",
            "in.picode.kretanote.api.rest",
            "kretanote.outbound.media-links-allow-http",
            "false",
            "kretanote.media.dir",
            Path.of(System.getProperty("java.io.tmpdir"), "kretanote-it-api3-" + UUID.randomUUID())
                .toString()));
  }

  @ArquillianResource URL base;

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void meta() {
    ItMeta.start();
  }

  /** A business whose owner connected a simulated number; Meta's webhooks come to this server. */
  record Business(TestAccounts.User owner, Webhooks.Tenant tenant, String waba) {}

  Business connected(String label) {
    return connected(base, label);
  }

  /** Also for {@link GeneratedClientIT}, on its own deployment. */
  static Business connected(URL base, String label) {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User owner =
        TestAccounts.owner(label, UUID.randomUUID().toString().substring(0, 8));
    WebClient web = WebClient.signedIn(base, owner);
    assertThat(
            web.submit(web.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate")
                .text())
        .contains("is connected");
    Webhooks.Tenant t =
        new Webhooks.Tenant(
            owner.tenantId(),
            Webhooks.count(
                "SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId()),
            Webhooks.string(
                "SELECT phone_number_id FROM whatsapp_connection WHERE tenant_id = ?",
                owner.tenantId()));
    String waba =
        Webhooks.string("SELECT waba_id FROM whatsapp_connection WHERE tenant_id = ?", t.id());
    SimulatorControl.fromTestJvm()
        .overrideCallback(
            waba, URI.create(base.toString()).resolve("webhooks/whatsapp").toString());
    return new Business(owner, t, waba);
  }

  @Test
  void aReceivedImageDownloadsWholeAndFilesGoOutByLinkThroughTheGuard() throws Exception {
    SimulatorControl sim = SimulatorControl.fromTestJvm();
    Business a = connected("Api3 media");
    Webhooks.Tenant other = Webhooks.tenantWithNumber("Api3 media other");
    ApiClient api = new ApiClient(base, ApiClient.key(a.tenant().id(), "erp", PublicApiIT.ALL));
    ApiClient sender = new ApiClient(base, ApiClient.key(a.tenant().id(), "shop", "messages:send"));
    ApiClient stranger = new ApiClient(base, ApiClient.key(other.id(), "other", PublicApiIT.ALL));
    String pnid = a.tenant().phoneNumberId();

    // The customer sends a photo; the download worker fetches it from (simulated) Meta.
    byte[] photo = new byte[48_000];
    new Random(7).nextBytes(photo);
    photo[0] = (byte) 0xFF;
    photo[1] = (byte) 0xD8;
    photo[2] = (byte) 0xFF;
    String waId = ApiClient.phone();
    String wamid = sim.customerSendsMedia(pnid, waId, "image", photo, "image/jpeg", "my receipt");
    await(
        () ->
            Webhooks.count(
                    "SELECT count(*) FROM media m JOIN message g ON g.tenant_id = m.tenant_id"
                        + " AND g.id = m.message_id WHERE g.wamid = ? AND m.state = 'DOWNLOADED'",
                    wamid)
                == 1);
    long media =
        Webhooks.count(
            "SELECT m.id FROM media m JOIN message g ON g.tenant_id = m.tenant_id"
                + " AND g.id = m.message_id WHERE g.wamid = ?",
            wamid);
    long conversation =
        Webhooks.count(
            "SELECT conversation_id FROM message WHERE tenant_id = ? AND wamid = ?",
            a.tenant().id(),
            wamid);

    HttpResponse<byte[]> file = bytes(api, "media/" + media, null);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(photo);
    assertThat(file.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));
    assertThat(file.headers().firstValueAsLong("Content-Length")).hasValue(photo.length);
    String etag = file.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"").endsWith("\"");
    HttpResponse<byte[]> unchanged = bytes(api, "media/" + media, etag);
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(bytes(api, "media/" + media, "\"other\"").body()).isEqualTo(photo);
    assertThat(bytes(api, "messages/media/" + media, null).body())
        .as("the first version's path")
        .isEqualTo(photo);
    HttpResponse<byte[]> foreign = bytes(stranger, "media/" + media, null);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).doesNotContain("receipt");
    assertThat(bytes(sender, "media/" + media, null).statusCode()).isEqualTo(403);
    assertThat(bytes(api, "media/abc", null).statusCode()).isEqualTo(404);
    assertThat(bytes(api, "media/" + (media + 100_000), null).statusCode()).isEqualTo(404);

    // A photo and a document by HTTPS link: queued once per key, and Meta got the link.
    String image =
        "{\"conversation_id\":"
            + conversation
            + ",\"type\":\"image\",\"image\":{\"link\":\"https://shop.example/p/4711.jpg?s=l\","
            + "\"caption\":\"Your order\"}}";
    ApiClient.Answer sent = sender.send("messages", image, "img-1");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    ApiClient.Answer again = sender.send("messages", image, "img-1");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getBoolean("duplicate")).isTrue();
    assertThat(again.json().getJsonNumber("id")).isEqualTo(sent.json().getJsonNumber("id"));
    String document =
        "{\"conversation_id\":"
            + conversation
            + ",\"type\":\"document\",\"document\":{\"link\":\"https://shop.example/i/4711.pdf\","
            + "\"filename\":\"invoice-4711.pdf\"}}";
    assertThat(sender.send("messages", document, "doc-1").status()).isEqualTo(202);
    await(() -> sim.sent(pnid).size() == 2);
    JsonObject atMetaImage = sent(sim, pnid, "image");
    assertThat(atMetaImage.getString("to")).isEqualTo(waId);
    assertThat(atMetaImage.getJsonObject("image").getString("link"))
        .isEqualTo("https://shop.example/p/4711.jpg?s=l");
    assertThat(atMetaImage.getJsonObject("image").getString("caption")).isEqualTo("Your order");
    assertThat(atMetaImage.getJsonObject("image").containsKey("id")).isFalse();
    JsonObject atMetaDoc = sent(sim, pnid, "document");
    assertThat(atMetaDoc.getJsonObject("document").getString("link"))
        .isEqualTo("https://shop.example/i/4711.pdf");
    assertThat(atMetaDoc.getJsonObject("document").getString("filename"))
        .isEqualTo("invoice-4711.pdf");
    long outboundBefore = outbound(a.tenant(), conversation);
    assertThat(outboundBefore).isEqualTo(2);
    await(
        () ->
            Set.of("SENT", "DELIVERED", "READ")
                .contains(
                    sender
                        .get("messages/" + sent.json().getJsonNumber("id"))
                        .json()
                        .getString("status")));

    // Every bad link is refused before anything is queued or sent.
    String link = "https://shop.example/p/4711.jpg?s=l";
    refused(sender, image.replace(link, "http://shop.example/a.jpg"), "https://");
    refused(sender, image.replace(link, "https://ana:secret@shop.example/a.jpg"), "password");
    refused(sender, image.replace(link, "https://token@shop.example/a.jpg"), "password");
    refused(sender, image.replace(link, "https://shop.example/a b.jpg"), "spaces");
    refused(sender, image.replace(link, "https://shop.example/" + "a".repeat(2000)), "longer than");
    refused(sender, image.replace(link, "ftp://shop.example/a.jpg"), "https://");
    ApiClient.Answer huge =
        sender.send(
            "messages", image.replace(link, "https://shop.example/" + "a".repeat(5000)), "bad-h");
    assertThat(huge.status()).isEqualTo(422);
    assertThat(pointers(huge)).containsExactly("/image/link");
    ApiClient.Answer wrong =
        sender.send(
            "messages",
            "{\"conversation_id\":"
                + conversation
                + ",\"type\":\"image\",\"text\":\"x\",\"image\":{\"link\":5,\"url\":\"x\","
                + "\"filename\":\"a.jpg\"}}",
            "bad-w");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(pointers(wrong))
        .containsExactlyInAnyOrder("/text", "/image/link", "/image/url", "/image/filename");
    ApiClient.Answer notObject =
        sender.send(
            "messages",
            "{\"conversation_id\":"
                + conversation
                + ",\"type\":\"audio\",\"audio\":\""
                + link
                + "\"}",
            "bad-o");
    assertThat(pointers(notObject)).containsExactly("/audio");
    ApiClient.Answer audioCaption =
        sender.send(
            "messages",
            image
                .replace("\"image\"", "\"audio\"")
                .replace("\"type\":\"image\"", "\"type\":\"audio\""),
            "bad-a");
    assertThat(pointers(audioCaption)).containsExactly("/audio/caption");
    assertThat(sender.send("messages", "{\"conversation_id\":", "bad-m").json().getString("code"))
        .isEqualTo("malformed_json");
    ApiClient.Answer oversize =
        sender.send("messages", image.replace("Your order", "x".repeat(MAX_BYTES)), "bad-s");
    assertThat(oversize.status()).isEqualTo(413);
    ApiClient.Answer replayed =
        sender.send("messages", image.replace("4711.jpg", "4712.jpg"), "img-1");
    assertThat(replayed.status()).isEqualTo(409);
    assertThat(replayed.json().getString("code")).isEqualTo("IDEMPOTENCY_CONFLICT");
    ApiClient.Answer noKey = sender.send("messages", image, null);
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.json().getString("code")).isEqualTo("idempotency_key_missing");
    ApiClient.Answer foreignSend = stranger.send("messages", image, "img-x");
    assertThat(foreignSend.status()).isEqualTo(404);
    assertThat(foreignSend.json().getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
    assertThat(
            new ApiClient(base, ApiClient.key(a.tenant().id(), "r", "conversations:read"))
                .send("messages", image, "img-r")
                .status())
        .isEqualTo(403);
    assertThat(outbound(a.tenant(), conversation)).isEqualTo(outboundBefore);
    Webhooks.pause(1500);
    assertThat(sim.sent(pnid)).hasSize(2);
  }

  @Test
  void aKeyWritesNotesThatThePageShowsAsTheKeys() {
    Business a = connected("Api3 notes");
    Webhooks.Tenant other = Webhooks.tenantWithNumber("Api3 notes other");
    ApiClient crm =
        new ApiClient(base, ApiClient.key(a.tenant().id(), "CRM sync", "conversations:write"));
    ApiClient reader =
        new ApiClient(base, ApiClient.key(a.tenant().id(), "bi", "conversations:read"));
    ApiClient stranger =
        new ApiClient(
            base, ApiClient.key(other.id(), "other", "conversations:read conversations:write"));
    long conversation =
        ApiClient.customerWrites(base, a.tenant(), ApiClient.phone(), "Where is it?");
    String path = "conversations/" + conversation + "/notes";

    ApiClient.Answer created =
        crm.post(path, "{\"body\":\"Called back: the parcel arrives Monday.\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("api_key")).isEqualTo("CRM sync");
    assertThat(created.json().isNull("author_id")).isTrue();
    assertThat(created.json().getString("body"))
        .isEqualTo("Called back: the parcel arrives Monday.");
    JsonArray listed = reader.get(path).json().getJsonArray("data");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("api_key")).isEqualTo("CRM sync");

    // Refused whole, nothing written.
    assertThat(reader.post(path, "{\"body\":\"x\"}").status()).isEqualTo(403);
    assertThat(stranger.post(path, "{\"body\":\"x\"}").status()).isEqualTo(404);
    assertThat(stranger.get(path).status()).isEqualTo(404);
    assertThat(crm.post("conversations/abc/notes", "{\"body\":\"x\"}").status()).isEqualTo(404);
    assertThat(crm.post(path, "{\"body\":").json().getString("code")).isEqualTo("malformed_json");
    assertThat(crm.post(path, "[\"x\"]").json().getString("code")).isEqualTo("malformed_json");
    assertThat(pointers(crm.post(path, "{\"body\":5}"))).containsExactly("/body");
    assertThat(pointers(crm.post(path, "{\"body\":\"   \"}"))).containsExactly("/body");
    assertThat(pointers(crm.post(path, "{}"))).containsExactly("/body");
    assertThat(pointers(crm.post(path, "{\"body\":\"x\",\"author_id\":1}")))
        .containsExactly("/author_id");
    assertThat(pointers(crm.post(path, "{\"body\":\"" + "x".repeat(4001) + "\"}")))
        .containsExactly("/body");
    assertThat(crm.post(path, "{\"body\":\"" + "x".repeat(MAX_BYTES) + "\"}").status())
        .isEqualTo(413);
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM conversation_note WHERE tenant_id = ?", a.tenant().id()))
        .isEqualTo(1);
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'api.call'"
                    + " AND actor_email = 'API key \"CRM sync\"' AND detail LIKE 'POST %/notes → 201'",
                a.tenant().id()))
        .isEqualTo(1);

    // The team sees who wrote it.
    Document page =
        WebClient.signedIn(base, a.owner()).get("app/conversation.xhtml?id=" + conversation);
    assertThat(page.select("li.note").text())
        .contains("via API key \u2039CRM sync\u203a")
        .contains("Called back: the parcel arrives Monday.");
  }

  @Test
  void campaignsResumeAndCancelOnlyFromTheRightState() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api3 campaigns");
    Webhooks.Tenant b = Webhooks.tenantWithNumber("Api3 campaigns other");
    ApiClient writer =
        new ApiClient(
            base, ApiClient.key(a.id(), "crm", "contacts:write campaigns:read campaigns:write"));
    ApiClient reader = new ApiClient(base, ApiClient.key(a.id(), "bi", "campaigns:read"));
    ApiClient stranger =
        new ApiClient(base, ApiClient.key(b.id(), "other", "campaigns:read campaigns:write"));
    PublicApiIT.template(a, "winter_sale", "Hello {{1}}, our winter sale starts.", "APPROVED");
    for (int i = 0; i < 3; i++) {
      assertThat(
              writer
                  .post(
                      "contacts",
                      "{\"phone\":\"+" + ApiClient.phone() + "\",\"tags\":[\"winter\"]}")
                  .status())
          .isEqualTo(201);
    }
    long resumed = campaign(writer, a, "c-1");
    long cancelled = campaign(writer, a, "c-2");
    long draft = campaign(writer, a, "c-3");

    // A draft can be neither resumed nor (since it never ran) is it paused.
    conflict(writer.post("campaigns/" + draft + "/resume", ""), "paused");
    assertThat(reader.post("campaigns/" + draft + "/resume", "").status()).isEqualTo(403);
    assertThat(reader.post("campaigns/" + draft + "/cancel", "").status()).isEqualTo(403);
    assertThat(stranger.post("campaigns/" + draft + "/resume", "").status()).isEqualTo(404);
    assertThat(stranger.post("campaigns/" + draft + "/cancel", "").status()).isEqualTo(404);
    assertThat(writer.post("campaigns/abc/cancel", "").status()).isEqualTo(404);
    assertThat(PublicApiIT.state(draft)).isEqualTo("DRAFT");

    // Paused, then resumed once; resuming again is refused.
    assertThat(writer.post("campaigns/" + resumed + "/start", "").status()).isEqualTo(200);
    assertThat(writer.post("campaigns/" + resumed + "/pause", "").status()).isEqualTo(200);
    ApiClient.Answer resume = writer.post("campaigns/" + resumed + "/resume", "");
    assertThat(resume.status()).as(resume.body()).isEqualTo(200);
    assertThat(resume.json().getString("state")).isIn("running", "scheduled", "completed");
    conflict(writer.post("campaigns/" + resumed + "/resume", ""), "paused");

    // Paused, then cancelled: the recipients not yet sent to are skipped; nothing moves after.
    assertThat(writer.post("campaigns/" + cancelled + "/start", "").status()).isEqualTo(200);
    assertThat(writer.post("campaigns/" + cancelled + "/pause", "").status()).isEqualTo(200);
    ApiClient.Answer cancel = writer.post("campaigns/" + cancelled + "/cancel", "");
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    assertThat(cancel.json().getString("state")).isEqualTo("cancelled");
    conflict(writer.post("campaigns/" + cancelled + "/cancel", ""), "cancelled");
    conflict(writer.post("campaigns/" + cancelled + "/resume", ""), "paused");
    conflict(writer.post("campaigns/" + cancelled + "/start", ""), "draft");
    conflict(writer.post("campaigns/" + cancelled + "/pause", ""), "paused");
    assertThat(PublicApiIT.state(cancelled)).isEqualTo("CANCELLED");
    JsonObject progress = reader.get("campaigns/" + cancelled).json().getJsonObject("progress");
    assertThat(progress.getJsonNumber("queued").longValue()).isZero();
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM campaign_recipient WHERE tenant_id = ? AND campaign_id = ?"
                    + " AND state = 'SKIPPED'",
                a.id(),
                cancelled))
        .isEqualTo(progress.getJsonNumber("skipped").longValue());

    // A draft can be cancelled too.
    assertThat(writer.post("campaigns/" + draft + "/cancel", "").json().getString("state"))
        .isEqualTo("cancelled");
  }

  @Test
  void theOpenApi31DocumentIsValidCompleteAndTheCheckedInCopy() throws Exception {
    URI json = URI.create(base.toString()).resolve("api/v1/openapi.json");
    HttpResponse<String> served =
        HTTP.send(HttpRequest.newBuilder(json).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(served.statusCode()).as("public, without a key").isEqualTo(200);
    Path target = Path.of("target/openapi/kretanote-api-v1.json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, pretty(withoutServers(read(served.body()))));
    assertThat(served.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    SwaggerParseResult parsed = parse(served.body());
    assertThat(parsed.getMessages()).as("problems of the document").isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    JsonObject document = read(served.body());
    assertThat(document.containsKey("endpoints")).isFalse();
    assertThat(document.toString()).doesNotContain("\"nullable\"");
    JsonObject contact =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Contact");
    assertThat(contact.getJsonObject("properties").getJsonObject("name").getJsonArray("type"))
        .containsExactly(Json.createValue("string"), Json.createValue("null"));

    Set<String> documented = new TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          documented.add(method.name() + " " + path);
                          assertThat(operation.getSummary()).as(method + " " + path).isNotBlank();
                        }));
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> c : new ApiV1().getClasses()) {
      jakarta.ws.rs.Path root = c.getAnnotation(jakarta.ws.rs.Path.class);
      if (root == null) {
        continue;
      }
      for (Method m : c.getDeclaredMethods()) {
        for (Annotation a : m.getAnnotations()) {
          jakarta.ws.rs.HttpMethod verb =
              a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
          if (verb != null) {
            jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
            endpoints.add(
                verb.value() + " /" + root.value() + (sub == null ? "" : "/" + sub.value()));
          }
        }
      }
    }
    assertThat(endpoints)
        .contains(
            "POST /conversations/{id}/notes",
            "POST /campaigns/{id}/resume",
            "POST /campaigns/{id}/cancel",
            "GET /media/{id}");
    assertThat(documented).containsAll(endpoints);
    assertThat(api.getServers().get(0).getUrl()).endsWith("/api/v1");

    // The same document as YAML.
    HttpResponse<String> yaml =
        HTTP.send(
            HttpRequest.newBuilder(json.resolve("openapi.yaml")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    SwaggerParseResult fromYaml = parse(yaml.body());
    assertThat(fromYaml.getMessages()).isEmpty();
    assertThat(fromYaml.getOpenAPI()).isEqualTo(api);

    // The copy the generated client is built from is what the server serves (servers aside).
    JsonObject servedDoc = withoutServers(document);
    assertThat(Files.exists(CHECKED_IN)).as(CHECKED_IN + " exists").isTrue();
    assertThat(withoutServers(read(Files.readString(CHECKED_IN))))
        .as(
            "the checked-in OpenAPI document differs from the served one: review "
                + target
                + " and copy it to "
                + CHECKED_IN)
        .isEqualTo(servedDoc);

    // The reference page reads this document.
    TestAccounts.clearAddressThrottle();
    TestAccounts.User owner =
        TestAccounts.owner("Reference3", UUID.randomUUID().toString().substring(0, 8));
    Document page = WebClient.signedIn(base, owner).get("app/api-reference.xhtml");
    assertThat(page.select("#swagger-ui").attr("data-spec")).endsWith("/api/v1/openapi.json");
  }

  // ---------------------------------------------------------------------------------------------

  static SwaggerParseResult parse(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(document, null, options);
  }

  static JsonObject read(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  static JsonObject withoutServers(JsonObject document) {
    return Json.createObjectBuilder(document).remove("servers").build();
  }

  static String pretty(JsonObject o) {
    java.io.StringWriter w = new java.io.StringWriter();
    try (var writer =
        Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(w)) {
      writer.writeObject(o);
    }
    return w.toString().strip() + "\n";
  }

  static HttpResponse<byte[]> bytes(ApiClient api, String path, String ifNoneMatch)
      throws Exception {
    HttpRequest.Builder r = api.request(path).GET();
    if (ifNoneMatch != null) {
      r.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The request Meta got from this number for a message of {@code type}. */
  static JsonObject sent(SimulatorControl sim, String pnid, String type) {
    return sim.sent(pnid).stream()
        .map(m -> m.asJsonObject().getJsonObject("request"))
        .filter(r -> type.equals(r.getString("type")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " reached Meta"));
  }

  static void refused(ApiClient api, String body, String why) {
    ApiClient.Answer a = api.send("messages", body, "bad-" + UUID.randomUUID());
    assertThat(a.status()).as(a.body()).isEqualTo(422);
    assertThat(a.type()).startsWith("application/problem+json");
    assertThat(a.json().getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(a.json().getString("detail")).contains(why);
  }

  static long campaign(ApiClient writer, Webhooks.Tenant t, String key) {
    ApiClient.Answer created =
        writer.send(
            "campaigns",
            "{\"name\":\"Winter "
                + key
                + "\",\"connection_id\":"
                + t.connectionId()
                + ",\"template\":{\"name\":\"winter_sale\",\"language\":\"en\"},"
                + "\"values\":[\"friend\"],\"segment\":{\"tag\":\"winter\"}}",
            key);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  static void conflict(ApiClient.Answer a, String detail) {
    assertThat(a.status()).as(a.body()).isEqualTo(409);
    assertThat(a.type()).startsWith("application/problem+json");
    assertThat(a.json().getString("code")).isEqualTo("campaign_state");
    assertThat(a.json().getString("detail").toLowerCase()).contains(detail);
  }
}
