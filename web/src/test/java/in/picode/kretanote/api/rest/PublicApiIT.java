package in.picode.kretanote.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public API and outgoing webhooks over real HTTP, in one deployment: keys and scopes, revoked
 * keys, other businesses' ids, idempotent sends and dry runs, bad input refused whole with field
 * paths, cursor paging under inserts, the rate limit; signed webhooks to a real receiver (checked
 * with an HMAC written here from SHA-256), retries with growing delays until the subscription is
 * disabled, and loopback receivers refused outside the sandbox.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class PublicApiIT {

  static final int RATE = 40;
  static final int MAX_BYTES = 65536;
  static final int RECEIVER_PORT = freePort();
  static final int FAILING_PORT = freePort();
  static final int EVENTS_PORT = freePort();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app(
        "public-api",
        Map.of(
            "kretanote.api.rate.per-minute",
            Integer.toString(RATE),
            "kretanote.api.max-bytes",
            Integer.toString(MAX_BYTES),
            "kretanote.webhooks.allowed-local-receivers",
            "127.0.0.1:"
                + RECEIVER_PORT
                + ",127.0.0.1:"
                + FAILING_PORT
                + ",127.0.0.1:"
                + EVENTS_PORT,
            "mp.openapi.scan.packages",
            "in.picode.kretanote.api.rest",
            "kretanote.webhooks.allow-private-addresses",
            "false",
            "kretanote.webhooks.retry-base",
            "PT1S",
            "kretanote.webhooks.retry-max",
            "PT30S",
            "kretanote.webhooks.disable-after",
            "PT8S"));
  }

  @ArquillianResource URL base;

  static MockWebServer receiver;
  static MockWebServer failing;

  /** Answers 200 to everything; tests read what it got by event type. */
  static MockWebServer events;

  @BeforeAll
  static void receivers() throws IOException {
    receiver = new MockWebServer();
    receiver.start(RECEIVER_PORT);
    failing = new MockWebServer();
    failing.start(FAILING_PORT);
    in.picode.kretanote.testing.ItMeta.start();
    events = new MockWebServer();
    events.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            eventsSeen.add(request.getBody().readUtf8());
            return new MockResponse().setResponseCode(200).setBody("ok");
          }
        });
    events.start(EVENTS_PORT);
  }

  @AfterAll
  static void stop() throws IOException {
    receiver.shutdown();
    failing.shutdown();
    events.shutdown();
  }

  static final String ALL =
      "contacts:read contacts:write conversations:read conversations:write messages:send"
          + " templates:read webhooks:manage";

  @Test
  void scopesRevocationOtherBusinessesAndTheAuditLog() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api A");
    Webhooks.Tenant b = Webhooks.tenantWithNumber("Api B");
    ApiClient readOnly =
        new ApiClient(base, ApiClient.key(a.id(), "reader", "contacts:read conversations:read"));
    ApiClient full = new ApiClient(base, ApiClient.key(a.id(), "shop", ALL));
    ApiClient stranger = new ApiClient(base, ApiClient.key(b.id(), "other shop", ALL));

    ApiClient.Answer anonymous = new ApiClient(base, null).get("contacts");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.type()).startsWith("application/problem+json");
    assertThat(anonymous.json().getString("code")).isEqualTo("unauthenticated");
    assertThat(
            new ApiClient(base, "kn_0000000000000000_" + "x".repeat(43)).get("contacts").status())
        .isEqualTo(401);

    String waId = ApiClient.phone();
    long conversation = ApiClient.customerWrites(base, a, waId, "Hello shop");
    ApiClient.Answer forbidden =
        readOnly.send(
            "messages",
            "{\"conversation_id\":" + conversation + ",\"type\":\"text\",\"text\":\"Hi\"}",
            "k-" + UUID.randomUUID());
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.type()).startsWith("application/problem+json");
    assertThat(forbidden.json().getString("code")).isEqualTo("insufficient_scope");
    assertThat(forbidden.json().getString("detail")).contains("messages:send");
    assertThat(outbound(a, conversation)).isZero();
    assertThat(readOnly.get("conversations/" + conversation).status()).isEqualTo(200);

    // Another business's ids are simply not there.
    ApiClient.Answer created =
        full.post("contacts", "{\"phone\":\"+" + ApiClient.phone() + "\",\"name\":\"Bo\"}");
    assertThat(created.status()).isEqualTo(201);
    long contact = created.json().getJsonNumber("id").longValue();
    assertThat(full.get("contacts/" + contact).status()).isEqualTo(200);
    ApiClient.Answer notTheirs = stranger.get("contacts/" + contact);
    assertThat(notTheirs.status()).isEqualTo(404);
    assertThat(notTheirs.json().getString("code")).isEqualTo("not_found");
    assertThat(stranger.get("conversations/" + conversation).status()).isEqualTo(404);
    assertThat(stranger.get("conversations/" + conversation + "/messages").status()).isEqualTo(404);
    assertThat(stranger.delete("contacts/" + contact).status()).isEqualTo(404);
    ApiClient.Answer foreignSend =
        stranger.send(
            "messages",
            "{\"conversation_id\":" + conversation + ",\"type\":\"text\",\"text\":\"Hi\"}",
            "k-" + UUID.randomUUID());
    assertThat(foreignSend.status()).isEqualTo(404);
    assertThat(foreignSend.json().getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
    assertThat(stranger.get("contacts").body()).doesNotContain("\"id\":" + contact + ",");
    assertThat(outbound(a, conversation)).isZero();

    // Revoked: refused at the very next call.
    assertThat(full.get("contacts").status()).isEqualTo(200);
    Webhooks.execute(
        "UPDATE api_key SET revoked_at = NOW(6) WHERE tenant_id = ? AND name = 'shop'", a.id());
    assertThat(full.get("contacts").status()).isEqualTo(401);

    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'api.call'"
                    + " AND actor_email = 'API key \"shop\"' AND detail LIKE 'POST %/api/v1/contacts → 201'",
                a.id()))
        .isEqualTo(1);
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM api_key WHERE tenant_id = ? AND name = 'reader'"
                    + " AND last_used_at IS NOT NULL",
                a.id()))
        .isEqualTo(1);
  }

  @Test
  void anOwnerCreatesAKeySeesItOnceAndRevokesIt() {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User owner = TestAccounts.owner("Keys", run);
    WebClient web = WebClient.signedIn(base, owner);
    Document page = web.get("app/settings/api-keys.xhtml");
    assertThat(page.text()).contains("API keys").contains("No API keys yet.");

    Document refused =
        web.submit(page, "create", Map.of("name", "", "expiry", "yesterday"), "save");
    assertThat(refused.text())
        .contains("Give the key a name")
        .contains("Choose at least one permission")
        .contains("YYYY-MM-DD");
    assertThat(Webhooks.count("SELECT count(*) FROM api_key WHERE tenant_id = ?", owner.tenantId()))
        .isZero();

    Document created =
        web.submit(
            refused,
            "create",
            Map.of("name", "Shop <b>sync</b>", "scopes", "contacts:read", "expiry", ""),
            "save");
    String token = created.getElementById("token").text();
    assertThat(token).matches("kn_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    assertThat(created.html()).contains("Shop &lt;b&gt;sync&lt;/b&gt;");
    assertThat(
            Webhooks.string(
                "SELECT hex(secret_sha256) FROM api_key WHERE tenant_id = ?", owner.tenantId()))
        .doesNotContain(token.substring(20));
    ApiClient api = new ApiClient(base, token);
    assertThat(api.get("contacts").status()).isEqualTo(200);
    assertThat(api.post("contacts", "{\"phone\":\"+4915112345678\"}").status()).isEqualTo(403);

    Document again = web.get("app/settings/api-keys.xhtml");
    assertThat(again.getElementById("token")).isNull();
    assertThat(again.html()).doesNotContain(token);
    assertThat(again.text()).doesNotContain("never");

    Document revoked = web.submit(again, "list", Map.of(), "table:0:revoke");
    assertThat(revoked.text()).contains("revoked");
    assertThat(api.get("contacts").status()).isEqualTo(401);
    assertThat(TestAccounts.auditActions(owner.tenantId()))
        .contains("api.key.created", "api.key.revoked", "api.call");

    TestAccounts.User agent =
        TestAccounts.user(owner.tenantId(), "agent-" + run + "@example.com", "AGENT");
    assertThat(WebClient.signedIn(base, agent).raw("app/settings/api-keys.xhtml").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSendIsIdempotentAndADryRunQueuesNothing() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api sends");
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "erp", ALL));
    long conversation = ApiClient.customerWrites(base, a, ApiClient.phone(), "Where is my order?");
    String body =
        "{\"conversation_id\":" + conversation + ",\"type\":\"text\",\"text\":\"On its way\"}";

    ApiClient.Answer dry = api.send("messages?dry_run=true", body, "order-17");
    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.json().getString("decision")).isEqualTo("would_send");
    ApiClient.Answer dryTemplate =
        api.send(
            "messages?dry_run=true",
            "{\"conversation_id\":"
                + conversation
                + ",\"type\":\"template\",\"template\":{\"name\":\"no_such\",\"language\":\"en\"}}",
            "order-17-t");
    assertThat(dryTemplate.json().getString("decision")).isEqualTo("refused");
    assertThat(dryTemplate.json().getString("code")).isEqualTo("TEMPLATE_UNKNOWN");
    assertThat(dryTemplate.json().getString("detail")).contains("no_such");
    assertThat(outbound(a, conversation)).isZero();

    ApiClient.Answer first = api.send("messages", body, "order-17");
    ApiClient.Answer again = api.send("messages", body, "order-17");
    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    long id = first.json().getJsonNumber("id").longValue();
    assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(first.json().getBoolean("duplicate")).isFalse();
    assertThat(again.json().getBoolean("duplicate")).isTrue();
    assertThat(first.json().getString("outcome")).isEqualTo("/api/v1/messages/" + id);
    assertThat(outbound(a, conversation)).isEqualTo(1);
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM outbox WHERE tenant_id = ? AND message_id = ?", a.id(), id))
        .isEqualTo(1);

    ApiClient.Answer conflict =
        api.send(
            "messages",
            "{\"conversation_id\":" + conversation + ",\"type\":\"text\",\"text\":\"Other\"}",
            "order-17");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().getString("code")).isEqualTo("IDEMPOTENCY_CONFLICT");
    ApiClient.Answer noKey = api.send("messages", body, null);
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.json().getString("code")).isEqualTo("idempotency_key_missing");
    ApiClient.Answer badKey = api.send("messages", body, "x".repeat(101));
    assertThat(badKey.status()).isEqualTo(422);
    assertThat(outbound(a, conversation)).isEqualTo(1);

    ApiClient.Answer outcome = api.get("messages/" + id);
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.json().getString("status")).isNotBlank();
    assertThat(outcome.json().getJsonNumber("id").longValue()).isEqualTo(id);

    // The conversation's work: messages, assign, label, snooze, resolve.
    JsonObject messages = api.get("conversations/" + conversation + "/messages").json();
    assertThat(messages.getJsonArray("data").toString())
        .contains("Where is my order?")
        .contains("On its way");
    ApiClient.Answer nobody =
        api.post("conversations/" + conversation + "/assign", "{\"user_id\":999999}");
    assertThat(nobody.status()).isEqualTo(422);
    assertThat(pointers(nobody)).containsExactly("/user_id");
    assertThat(api.send("conversations/" + conversation + "/labels/vip", "", null).status())
        .isEqualTo(405);
    ApiClient.Answer labelled =
        ApiClient.send(
            api.request("conversations/" + conversation + "/labels/vip")
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(labelled.json().getJsonArray("labels").getString(0)).isEqualTo("vip");
    assertThat(
            api.post(
                    "conversations/" + conversation + "/snooze",
                    "{\"until\":\"2020-01-01T00:00:00Z\"}")
                .status())
        .isEqualTo(422);
    String tomorrow =
        Instant.now()
            .plus(Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    ApiClient.Answer snoozed =
        api.post("conversations/" + conversation + "/snooze", "{\"until\":\"" + tomorrow + "\"}");
    assertThat(snoozed.json().getString("snoozed_until")).isEqualTo(tomorrow);
    ApiClient.Answer resolved = api.post("conversations/" + conversation + "/resolve", "");
    assertThat(resolved.json().getString("status")).isEqualTo("CLOSED");
    assertThat(api.get("conversations?state=closed").body())
        .contains("\"id\":" + conversation + ",");
    assertThat(api.get("conversations?state=open").body())
        .doesNotContain("\"id\":" + conversation + ",");
    assertThat(api.get("conversations?owner=mine").status()).isEqualTo(422);
    assertThat(api.get("templates").status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedWholeWithTheFieldPath() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api input");
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "import", ALL));
    long before = contacts(a);

    ApiClient.Answer malformed = api.post("contacts", "{\"phone\": \"+4915112345678\",");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.type()).startsWith("application/problem+json");
    assertThat(malformed.json().getString("code")).isEqualTo("malformed_json");

    ApiClient.Answer unknown =
        api.post("contacts", "{\"phone\":\"+4915112345678\",\"nickname\":\"x\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(pointers(unknown)).containsExactly("/nickname");
    assertThat(unknown.json().getString("code")).isEqualTo("validation_failed");

    ApiClient.Answer wrongType = api.post("contacts", "{\"phone\":4915112345678,\"tags\":\"vip\"}");
    assertThat(pointers(wrongType)).containsExactlyInAnyOrder("/phone", "/tags");

    ApiClient.Answer e164 = api.post("contacts", "{\"phone\":\"0151 123\",\"name\":\"Ana\"}");
    assertThat(e164.status()).isEqualTo(422);
    assertThat(pointers(e164)).containsExactly("/phone");
    assertThat(e164.json().getString("detail")).contains("international phone number");

    String phone = ApiClient.phone();
    ApiClient.Answer badTag =
        api.post(
            "contacts",
            "{\"phone\":\"+" + phone + "\",\"tags\":[\"vip\",\"" + "t".repeat(60) + "\"]}");
    assertThat(badTag.status()).isEqualTo(422);
    assertThat(pointers(badTag)).containsExactly("/tags/1");
    assertThat(contacts(a)).isEqualTo(before);

    String big = "{\"phone\":\"+" + phone + "\",\"name\":\"" + "x".repeat(MAX_BYTES) + "\"}";
    ApiClient.Answer oversize = api.post("contacts", big);
    assertThat(oversize.status()).isEqualTo(413);
    assertThat(oversize.json().getString("code")).isEqualTo("body_too_large");

    ApiClient.Answer template =
        api.send(
            "messages",
            "{\"conversation_id\":1,\"type\":\"template\",\"template\":{\"name\":\"n\","
                + "\"language\":\"en\",\"body\":[1],\"colour\":\"red\"}}",
            "k-" + UUID.randomUUID());
    assertThat(pointers(template))
        .containsExactlyInAnyOrder("/template/body/0", "/template/colour");
    assertThat(contacts(a)).isEqualTo(before);

    // Updates need the ETag; a stale one changes nothing.
    ApiClient.Answer created =
        api.post("contacts", "{\"phone\":\"+" + phone + "\",\"name\":\"Ana\",\"tags\":[\"vip\"]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("created_at")).endsWith("Z");
    long id = created.json().getJsonNumber("id").longValue();
    String other = ApiClient.phone();
    String once = "{\"phone\":\"+" + other + "\",\"name\":\"Once\"}";
    ApiClient.Answer one = api.send("contacts", once, "crm-contact-" + other);
    ApiClient.Answer two =
        api.send(
            "contacts",
            "{ \"name\": \"Once\", \"phone\": \"+" + other + "\" }",
            "crm-contact-" + other);
    assertThat(one.status()).isEqualTo(201);
    assertThat(two.status()).isEqualTo(201);
    assertThat(two.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(two.json().getJsonNumber("id")).isEqualTo(one.json().getJsonNumber("id"));
    assertThat(
            api.send(
                    "contacts",
                    "{\"phone\":\"+" + other + "\",\"name\":\"Twice\"}",
                    "crm-contact-" + other)
                .json()
                .getString("code"))
        .isEqualTo("IDEMPOTENCY_CONFLICT");
    assertThat(contacts(a)).isEqualTo(before + 2);
    ApiClient.Answer duplicate = api.post("contacts", "{\"phone\":\"00" + phone + "\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    ApiClient.Answer read = api.get("contacts/" + id);
    String etag = read.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(api.patch("contacts/" + id, "{\"name\":\"Ana B\"}", null).status()).isEqualTo(428);
    assertThat(api.patch("contacts/" + id, "{\"name\":\"Ana B\"}", "\"stale\"").status())
        .isEqualTo(412);
    ApiClient.Answer halfBad =
        api.patch("contacts/" + id, "{\"name\":\"Ana B\",\"tags\":[\"ok\",\"\"]}", etag);
    assertThat(halfBad.status()).isEqualTo(422);
    assertThat(pointers(halfBad)).containsExactly("/tags/1");
    assertThat(api.get("contacts/" + id).json().getString("name")).isEqualTo("Ana");
    ApiClient.Answer updated =
        api.patch("contacts/" + id, "{\"name\":\"Ana B\",\"tags\":[\"gold\"]}", etag);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().getString("name")).isEqualTo("Ana B");
    assertThat(updated.json().getJsonArray("tags").getString(0)).isEqualTo("gold");
    assertThat(updated.header("ETag")).isNotEqualTo(etag);

    ApiClient.Answer consent =
        api.post(
            "contacts/" + id + "/consents",
            "{\"category\":\"marketing\",\"granted\":true,\"evidence\":\"checkout box 2026-12\"}");
    assertThat(consent.status()).isEqualTo(200);
    JsonObject ledger = api.get("contacts/" + id + "/consents").json();
    assertThat(ledger.getJsonObject("current").getBoolean("marketing")).isTrue();
    assertThat(ledger.getJsonArray("ledger").getJsonObject(0).getString("evidence"))
        .isEqualTo("checkout box 2026-12");

    ApiClient.Answer erased = api.delete("contacts/" + id);
    assertThat(erased.status()).isEqualTo(200);
    assertThat(api.get("contacts/" + id).status()).isEqualTo(404);
  }

  @Test
  void cursorPagesStayStableWhileContactsAreAdded() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api pages");
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "crm", ALL));
    List<Long> made = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      made.add(
          api.post("contacts", "{\"phone\":\"+" + ApiClient.phone() + "\"}")
              .json()
              .getJsonNumber("id")
              .longValue());
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page =
          api.get("contacts?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.getJsonArray("data")
          .forEach(v -> seen.add(v.asJsonObject().getJsonNumber("id").longValue()));
      cursor =
          page.get("next_cursor").getValueType() == JsonValue.ValueType.NULL
              ? null
              : page.getString("next_cursor");
      if (pages++ == 0) {
        // Two new contacts arrive while the client pages.
        api.post("contacts", "{\"phone\":\"+" + ApiClient.phone() + "\"}");
        api.post("contacts", "{\"phone\":\"+" + ApiClient.phone() + "\"}");
      }
    } while (cursor != null);
    assertThat(seen).doesNotHaveDuplicates();
    List<Long> newestFirst = new ArrayList<>(made);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(pages).isEqualTo(3);
    assertThat(api.get("contacts?cursor=bm9wZQ").status()).isEqualTo(400);
    assertThat(api.get("contacts?limit=0").status()).isEqualTo(422);
  }

  @Test
  void aKeyOverItsRateLimitGets429() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api rate");
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "busy", "contacts:read"));
    ApiClient other = new ApiClient(base, ApiClient.key(a.id(), "calm", "contacts:read"));
    ApiClient.Answer first = api.get("contacts");
    assertThat(first.header("RateLimit-Policy")).isEqualTo("\"per-key\";q=" + RATE + ";w=60");
    assertThat(first.header("RateLimit")).startsWith("\"per-key\";r=" + (RATE - 1) + ";t=");
    int ok = 1;
    ApiClient.Answer last = first;
    for (int i = 0; i < RATE + 5 && last.status() != 429; i++) {
      last = api.get("contacts");
      if (last.status() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(RATE);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.json().getString("code")).isEqualTo("rate_limited");
    assertThat(last.header("Retry-After")).isNotBlank();
    assertThat(other.get("contacts").status()).isEqualTo(200);
  }

  @Test
  void webhooksAreSignedRetriedAndRefusedForLocalAddresses() throws Exception {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api hooks");
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "hooks", ALL));

    ApiClient.Answer local =
        api.post(
            "webhooks",
            "{\"url\":\"https://127.0.0.1:"
                + freePort()
                + "/hook\",\"events\":[\"contact.created\"]}");
    assertThat(local.status()).isEqualTo(422);
    assertThat(pointers(local)).containsExactly("/url");
    assertThat(local.json().getString("detail")).contains("private or local address");
    ApiClient.Answer plain =
        api.post(
            "webhooks",
            "{\"url\":\"http://receiver.example/hook\",\"events\":[\"contact.created\"]}");
    assertThat(plain.json().getString("detail")).contains("HTTPS");
    assertThat(
            api.post(
                    "webhooks",
                    "{\"url\":\"https://10.1.2.3/hook\",\"events\":[\"contact.created\"]}")
                .status())
        .isEqualTo(422);
    assertThat(
            api.post(
                    "webhooks",
                    "{\"url\":\"http://127.0.0.1:"
                        + RECEIVER_PORT
                        + "/hook\",\"events\":[\"contact.exploded\"]}")
                .status())
        .isEqualTo(422);

    for (int i = 0; i < 5; i++) {
      receiver.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));
    }
    ApiClient.Answer subscribed =
        api.post(
            "webhooks",
            "{\"url\":\"http://127.0.0.1:"
                + RECEIVER_PORT
                + "/hook\",\"events\":[\"contact.created\",\"consent.changed\",\"message.received\"]}");
    assertThat(subscribed.status()).isEqualTo(201);
    String secret = subscribed.json().getString("secret");
    long subscription = subscribed.json().getJsonNumber("id").longValue();
    assertThat(api.get("webhooks").body()).doesNotContain(secret);

    ApiClient.Answer contact =
        api.post("contacts", "{\"phone\":\"+" + ApiClient.phone() + "\",\"name\":\"Hook\"}");
    long contactId = contact.json().getJsonNumber("id").longValue();
    RecordedRequest hook = receiver.takeRequest(20, TimeUnit.SECONDS);
    assertThat(hook).as("webhook received").isNotNull();
    String body = hook.getBody().readUtf8();
    String signature = hook.getHeader("KretaNote-Signature");
    assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
    String t = signature.substring(2, signature.indexOf(','));
    String v1 = signature.substring(signature.indexOf("v1=") + 3);
    assertThat(v1).isEqualTo(hmacSha256Hex(secret, t + "." + body));
    assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(60);
    assertThat(body)
        .contains("\"type\":\"contact.created\"")
        .contains("\"contact_id\":" + contactId);
    assertThat(body).contains("\"id\":\"" + hook.getHeader("KretaNote-Event-Id") + "\"");
    // Polled in the table: the key's rate limit (40 a minute here) is for the calls that matter.
    await(
        () ->
            "DELIVERED"
                .equals(
                    Webhooks.string(
                        "SELECT state FROM webhook_delivery WHERE subscription_id = ?",
                        subscription)));
    assertThat(api.get("webhooks/" + subscription + "/deliveries").body())
        .contains("\"response_status\":200");
    api.post(
        "contacts/" + contactId + "/consents",
        "{\"category\":\"marketing\",\"granted\":false,\"evidence\":\"unsubscribed in the shop\"}");
    RecordedRequest consent = receiver.takeRequest(20, TimeUnit.SECONDS);
    assertThat(consent).as("consent webhook").isNotNull();
    String consentBody = consent.getBody().readUtf8();
    assertThat(consentBody)
        .contains("\"type\":\"consent.changed\"")
        .contains("\"granted\":false")
        .contains("\"source\":\"API\"");
    String ct = consent.getHeader("KretaNote-Signature");
    assertThat(ct.substring(ct.indexOf("v1=") + 3))
        .isEqualTo(hmacSha256Hex(secret, ct.substring(2, ct.indexOf(',')) + "." + consentBody));

    // A customer writes: the new contact and the message arrive, each signed.
    ApiClient.customerWrites(base, a, ApiClient.phone(), "Is my parcel on its way?");
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      RecordedRequest r = receiver.takeRequest(20, TimeUnit.SECONDS);
      assertThat(r).as("inbound webhook " + (i + 1)).isNotNull();
      String b = r.getBody().readUtf8();
      String sig = r.getHeader("KretaNote-Signature");
      assertThat(sig.substring(sig.indexOf("v1=") + 3))
          .isEqualTo(hmacSha256Hex(secret, sig.substring(2, sig.indexOf(',')) + "." + b));
      bodies.add(b);
    }
    assertThat(String.join("\n", bodies))
        .contains("\"type\":\"contact.created\"")
        .contains("\"type\":\"message.received\"")
        .contains("Is my parcel on its way?");

    // A receiver that always fails: retries with growing delays, then the subscription is off.
    for (int i = 0; i < 20; i++) {
      failing.enqueue(new MockResponse().setResponseCode(500).setBody("broken"));
    }
    long failingId =
        api.post(
                "webhooks",
                "{\"url\":\"http://127.0.0.1:"
                    + FAILING_PORT
                    + "/hook\",\"events\":[\"contact.updated\"]}")
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Answer read = api.get("contacts/" + contactId);
    api.patch("contacts/" + contactId, "{\"name\":\"Renamed\"}", read.header("ETag"));
    List<Long> arrivals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RecordedRequest r = failing.takeRequest(20, TimeUnit.SECONDS);
      assertThat(r).as("attempt " + (i + 1)).isNotNull();
      arrivals.add(System.nanoTime() / 1_000_000);
    }
    long gap1 = arrivals.get(1) - arrivals.get(0);
    long gap3 = arrivals.get(3) - arrivals.get(2);
    assertThat(gap1).isGreaterThanOrEqualTo(500);
    assertThat(gap3).isGreaterThan(gap1 + 1000);
    await(
        () ->
            "DISABLED"
                .equals(
                    Webhooks.string(
                        "SELECT state FROM webhook_subscription WHERE id = ?", failingId)));
    String log = api.get("webhooks/" + failingId + "/deliveries").body();
    assertThat(log).contains("\"response_status\":500").contains("broken");
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM notification WHERE tenant_id = ? AND kind = 'webhook-disabled'",
                a.id()))
        .isEqualTo(1);
    // Another business sees none of it.
    ApiClient stranger =
        new ApiClient(base, ApiClient.key(Webhooks.tenantWithNumber("Api other").id(), "x", ALL));
    assertThat(stranger.get("webhooks/" + failingId + "/deliveries").status()).isEqualTo(404);
    assertThat(stranger.delete("webhooks/" + failingId).status()).isEqualTo(404);
  }

  @Test
  void theReferencePageShowsTheApisOwnDocumentFromThisServer() throws Exception {
    // The document itself (OpenAPI 3.1, valid, every endpoint with a summary, the checked-in copy
    // the generated client is built from) is checked by PublicApiContractIT; Payara's own 3.0
    // document at /openapi stays served for tools that read it.
    URI document = URI.create(base.toString()).resolve("/openapi");
    ApiClient.Answer answer = ApiClient.send(java.net.http.HttpRequest.newBuilder(document).GET());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("/api/v1/messages");

    // The reference page: Swagger UI from this server, no CDN.
    TestAccounts.clearAddressThrottle();
    TestAccounts.User owner =
        TestAccounts.owner("Reference", UUID.randomUUID().toString().substring(0, 8));
    Document page = WebClient.signedIn(base, owner).get("app/api-reference.xhtml");
    assertThat(page.select("script[src*=swagger-ui-bundle.js]")).hasSize(1);
    assertThat(page.select("script[src*=swagger-ui-bundle.js]").attr("nonce")).isNotBlank();
    assertThat(page.html()).doesNotContain("cdn").doesNotContain("unpkg");
    String bundle = page.select("script[src*=swagger-ui-bundle.js]").attr("abs:src");
    ApiClient.Answer served =
        ApiClient.send(java.net.http.HttpRequest.newBuilder(URI.create(bundle)).GET());
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.type()).contains("javascript");
    // In Chromium, under the page's Content-Security-Policy: Swagger UI draws the endpoints.
    Browser browser = Browser.start(1280, 900);
    try {
      browser.open(base, "login.xhtml");
      browser.driver().findElement(By.id("login:email")).sendKeys(owner.email());
      browser.driver().findElement(By.id("login:password")).sendKeys(TestAccounts.PASSWORD);
      browser.click("login:submit");
      browser.waiting().until(ExpectedConditions.urlContains("/app/"));
      browser.open(base, "app/api-reference.xhtml");
      try {
        browser
            .waiting()
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
      } catch (org.openqa.selenium.TimeoutException e) {
        Object state =
            browser
                .driver()
                .executeScript(
                    "return [typeof SwaggerUIBundle, typeof define, typeof exports, typeof module,"
                        + " document.getElementById('swagger-ui').innerHTML.substring(0, 400),"
                        + " String(window.kretanoteSwaggerError),"
                        + " JSON.stringify(performance.getEntriesByType('resource')"
                        + ".filter(function (r) { return r.name.indexOf('swagger') >= 0; })"
                        + ".map(function (r) { return [r.name, r.responseStatus, r.transferSize]; })),"
                        + " document.documentElement.outerHTML.substring(0, 3000)];");
        throw new AssertionError(
            "Swagger UI did not draw: "
                + state
                + "; CSP: "
                + WebClient.signedIn(base, owner)
                    .raw("app/api-reference.xhtml")
                    .headers()
                    .allValues("Content-Security-Policy"),
            e);
      }
      browser.waitForText("/contacts/{id}");
      browser.screenshot("api-reference");
    } finally {
      browser.quit();
    }
  }

  /** HMAC-SHA256 after RFC 2104, on plain SHA-256: independent of the server's javax.crypto use. */
  static String hmacSha256Hex(String key, String message) throws Exception {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (k.length > 64) {
      k = MessageDigest.getInstance("SHA-256").digest(k);
    }
    byte[] block = new byte[64];
    System.arraycopy(k, 0, block, 0, k.length);
    byte[] ipad = new byte[64];
    byte[] opad = new byte[64];
    for (int i = 0; i < 64; i++) {
      ipad[i] = (byte) (block[i] ^ 0x36);
      opad[i] = (byte) (block[i] ^ 0x5c);
    }
    MessageDigest inner = MessageDigest.getInstance("SHA-256");
    inner.update(ipad);
    byte[] innerHash = inner.digest(message.getBytes(StandardCharsets.UTF_8));
    MessageDigest outer = MessageDigest.getInstance("SHA-256");
    outer.update(opad);
    return HexFormat.of().formatHex(outer.digest(innerHash));
  }

  @Test
  void campaignsAreCreatedOnceStartedPausedAndReadThroughTheDashboardsRules() {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api campaigns");
    Webhooks.Tenant b = Webhooks.tenantWithNumber("Api campaigns other");
    ApiClient writer =
        new ApiClient(
            base, ApiClient.key(a.id(), "crm", "contacts:write campaigns:read campaigns:write"));
    ApiClient reader = new ApiClient(base, ApiClient.key(a.id(), "bi", "campaigns:read"));
    ApiClient stranger =
        new ApiClient(base, ApiClient.key(b.id(), "other", "campaigns:read campaigns:write"));
    template(a, "spring_sale", "Hello {{1}}, our spring sale starts today.", "APPROVED");
    template(a, "pending_one", "Hi", "PENDING");
    assertThat(
            writer
                .post(
                    "contacts", "{\"phone\":\"+" + ApiClient.phone() + "\",\"tags\":[\"spring\"]}")
                .status())
        .isEqualTo(201);
    String body =
        "{\"name\":\"Spring sale\",\"connection_id\":"
            + a.connectionId()
            + ",\"template\":{\"name\":\"spring_sale\",\"language\":\"en\"},"
            + "\"values\":[\"friend\"],\"segment\":{\"tag\":\"spring\"}}";

    ApiClient.Answer forbidden = reader.send("campaigns", body, "camp-1");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().getString("code")).isEqualTo("insufficient_scope");
    assertThat(campaigns(a)).isZero();

    ApiClient.Answer first = writer.send("campaigns", body, "camp-1");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long id = first.json().getJsonNumber("id").longValue();
    assertThat(first.json().getString("state")).isEqualTo("draft");
    assertThat(first.json().getJsonObject("segment").getString("tag")).isEqualTo("spring");
    assertThat(first.json().getJsonArray("values").getString(0)).isEqualTo("friend");
    ApiClient.Answer again = writer.send("campaigns", body, "camp-1");
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(campaigns(a)).isEqualTo(1);
    ApiClient.Answer conflict =
        writer.send("campaigns", body.replace("Spring sale", "Autumn sale"), "camp-1");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().getString("code")).isEqualTo("IDEMPOTENCY_CONFLICT");
    assertThat(campaigns(a)).isEqualTo(1);

    // Bad input: named fields, nothing created.
    ApiClient.Answer unknown =
        writer.send(
            "campaigns",
            body.replace("\"segment\":{", "\"colour\":1,\"segment\":{\"size\":2,")
                .replace("\"connection_id\":" + a.connectionId(), "\"connection_id\":\"x\""),
            "camp-2");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(pointers(unknown)).contains("/colour", "/segment/size", "/connection_id");
    assertThat(writer.send("campaigns", "{\"name\":", "camp-3").json().getString("code"))
        .isEqualTo("malformed_json");
    ApiClient.Answer pending =
        writer.send("campaigns", body.replace("spring_sale", "pending_one"), "camp-4");
    assertThat(pending.status()).isEqualTo(422);
    assertThat(pending.json().getString("code")).isEqualTo("campaign_refused");
    assertThat(pending.json().getString("detail")).contains("not approved");
    ApiClient.Answer nobody =
        writer.send("campaigns", body.replace("\"spring\"}", "\"winter\"}"), "camp-5");
    assertThat(nobody.status()).isEqualTo(422);
    assertThat(nobody.json().getString("detail")).contains("winter");
    ApiClient.Answer otherNumber =
        writer.send(
            "campaigns",
            body.replace(
                "\"connection_id\":" + a.connectionId(), "\"connection_id\":" + b.connectionId()),
            "camp-6");
    assertThat(otherNumber.status()).isEqualTo(422);
    assertThat(campaigns(a)).isEqualTo(1);

    // Another business sees no such campaign; a reader cannot start it.
    assertThat(stranger.get("campaigns/" + id).status()).isEqualTo(404);
    assertThat(stranger.post("campaigns/" + id + "/start", "").status()).isEqualTo(404);
    assertThat(stranger.post("campaigns/" + id + "/pause", "").status()).isEqualTo(404);
    assertThat(reader.post("campaigns/" + id + "/start", "").status()).isEqualTo(403);
    assertThat(state(id)).isEqualTo("DRAFT");

    ApiClient.Answer draftPause = writer.post("campaigns/" + id + "/pause", "");
    assertThat(draftPause.status()).isEqualTo(409);
    assertThat(draftPause.json().getString("code")).isEqualTo("campaign_state");
    ApiClient.Answer started = writer.post("campaigns/" + id + "/start", "");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().getString("state")).isIn("scheduled", "running");
    assertThat(writer.post("campaigns/" + id + "/start", "").status()).isEqualTo(409);
    assertThat(writer.post("campaigns/" + id + "/pause", "{\"colour\":1}").status()).isEqualTo(422);
    ApiClient.Answer paused =
        writer.post("campaigns/" + id + "/pause", "{\"reason\":\"Stock ran out\"}");
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().getString("state")).isEqualTo("paused");
    assertThat(paused.json().getString("pause_reason")).isEqualTo("Stock ran out");
    assertThat(state(id)).isEqualTo("PAUSED");

    ApiClient.Answer read = reader.get("campaigns/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("state")).isEqualTo("paused");
    JsonObject progress = read.json().getJsonObject("progress");
    assertThat(progress.keySet())
        .contains("total", "queued", "sent", "delivered", "read", "failed", "skipped");
    assertThat(progress.getJsonNumber("total").longValue())
        .isEqualTo(
            Webhooks.count(
                "SELECT count(*) FROM campaign_recipient WHERE tenant_id = ? AND campaign_id = ?",
                a.id(),
                id));
  }

  @Test
  void templatesAreSubmittedToMetaOnceAndDeletedThere() {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User owner = TestAccounts.owner("Api templates", run);
    WebClient web = WebClient.signedIn(base, owner);
    assertThat(
            web.submit(web.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate")
                .text())
        .contains("is connected");
    long connection =
        Webhooks.count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    String waba =
        Webhooks.string(
            "SELECT waba_id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    in.picode.kretanote.testing.SimulatorControl sim =
        in.picode.kretanote.testing.SimulatorControl.fromTestJvm();
    ApiClient writer =
        new ApiClient(
            base, ApiClient.key(owner.tenantId(), "cms", "templates:read templates:write"));
    ApiClient reader = new ApiClient(base, ApiClient.key(owner.tenantId(), "bi", "templates:read"));
    Webhooks.Tenant b = Webhooks.tenantWithNumber("Api templates other " + run);
    ApiClient stranger =
        new ApiClient(base, ApiClient.key(b.id(), "other", "templates:read templates:write"));
    String body =
        "{\"connection_id\":"
            + connection
            + ",\"name\":\"order_shipped_"
            + run.replace('-', '_')
            + "\",\"language\":\"en_US\",\"category\":\"utility\","
            + "\"header\":\"Your order\",\"body\":\"Hi {{1}}, order {{2}} has shipped.\","
            + "\"examples\":[\"Ana\",\"A-17\"],"
            + "\"buttons\":[{\"text\":\"Track it\",\"url\":\"https://example.com/t\"}]}";

    assertThat(reader.send("templates", body, "tpl-1").status()).isEqualTo(403);
    ApiClient.Answer bad =
        writer.send(
            "templates",
            body.replace("\"Track it\"", "\"Track it\",\"colour\":1")
                .replace("\"utility\"", "\"service\""),
            "tpl-2");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(pointers(bad)).contains("/buttons/0/colour", "/category");
    ApiClient.Answer gaps = writer.send("templates", body.replace("{{2}}", "{{3}}"), "tpl-3");
    assertThat(gaps.status()).isEqualTo(422);
    assertThat(gaps.json().getString("code")).isEqualTo("template_refused");
    assertThat(gaps.json().getString("detail")).contains("without gaps");
    assertThat(templateRows(owner.tenantId())).isZero();
    assertThat(templateCalls(sim, waba, "POST")).as("nothing reached Meta").isZero();

    ApiClient.Answer first = writer.send("templates", body, "tpl-1");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().getString("status")).isEqualTo("PENDING");
    long id = first.json().getJsonNumber("id").longValue();
    ApiClient.Answer again = writer.send("templates", body, "tpl-1");
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(id);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(templateRows(owner.tenantId())).isEqualTo(1);
    assertThat(templateCalls(sim, waba, "POST")).as("Meta got the template once").isEqualTo(1);
    assertThat(writer.send("templates", body.replace("Ana", "Bo"), "tpl-1").status())
        .isEqualTo(409);
    assertThat(reader.get("templates").body()).contains("\"id\":" + id + ",");

    assertThat(stranger.delete("templates/" + id).status()).isEqualTo(404);
    assertThat(stranger.get("templates").body()).doesNotContain("\"id\":" + id + ",");
    assertThat(reader.delete("templates/" + id).status()).isEqualTo(403);
    assertThat(writer.delete("templates/abc").status()).isEqualTo(404);
    assertThat(templateCalls(sim, waba, "DELETE")).isZero();
    assertThat(writer.delete("templates/" + id).status()).isEqualTo(204);
    assertThat(writer.delete("templates/" + id).status()).isEqualTo(204);
    assertThat(templateCalls(sim, waba, "DELETE")).as("Meta got the delete once").isEqualTo(1);
    assertThat(Webhooks.string("SELECT status FROM message_template WHERE id = ?", id))
        .isEqualTo("DELETED");
  }

  @Test
  void reactionsInteractiveMessagesAndFilesAreSentOnceAndMediaStaysWithItsBusiness() {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User owner = TestAccounts.owner("Api media", run);
    WebClient web = WebClient.signedIn(base, owner);
    assertThat(
            web.submit(web.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate")
                .text())
        .contains("is connected");
    Webhooks.Tenant a =
        new Webhooks.Tenant(
            owner.tenantId(),
            Webhooks.count(
                "SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId()),
            Webhooks.string(
                "SELECT phone_number_id FROM whatsapp_connection WHERE tenant_id = ?",
                owner.tenantId()));
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "erp", ALL));
    ApiClient reader =
        new ApiClient(base, ApiClient.key(a.id(), "bi", "conversations:read contacts:read"));
    Webhooks.Tenant b = Webhooks.tenantWithNumber("Api media other " + run);
    ApiClient stranger = new ApiClient(base, ApiClient.key(b.id(), "other", ALL));
    long conversation = ApiClient.customerWrites(base, a, ApiClient.phone(), "Which size?");
    long inbound =
        Webhooks.count(
            "SELECT id FROM message WHERE tenant_id = ? AND conversation_id = ?"
                + " AND direction = 'INBOUND'",
            a.id(),
            conversation);

    // A reaction, twice with one key: one message.
    String reaction =
        "{\"conversation_id\":"
            + conversation
            + ",\"type\":\"reaction\",\"reaction\":{\"message_id\":"
            + inbound
            + ",\"emoji\":\"\u2764\"}}";
    assertThat(reader.send("messages", reaction, "r-1").status()).isEqualTo(403);
    ApiClient.Answer reacted = api.send("messages", reaction, "r-1");
    assertThat(reacted.status()).as(reacted.body()).isEqualTo(202);
    ApiClient.Answer reactedAgain = api.send("messages", reaction, "r-1");
    assertThat(reactedAgain.json().getBoolean("duplicate")).isTrue();
    assertThat(reactedAgain.json().getJsonNumber("id"))
        .isEqualTo(reacted.json().getJsonNumber("id"));
    assertThat(outbound(a, conversation)).isEqualTo(1);
    ApiClient.Answer elsewhere =
        api.send(
            "messages",
            reaction.replace("\"message_id\":" + inbound, "\"message_id\":999999999"),
            "r-2");
    assertThat(elsewhere.status()).isEqualTo(422);
    assertThat(elsewhere.json().getString("code")).isEqualTo("INVALID_MESSAGE");
    assertThat(stranger.send("messages", reaction, "r-3").status()).isEqualTo(404);

    // Reply buttons and a list.
    String buttons =
        "{\"conversation_id\":"
            + conversation
            + ",\"type\":\"interactive\",\"interactive\":{\"kind\":\"buttons\","
            + "\"body\":\"Which size?\",\"choices\":[{\"id\":\"s\",\"title\":\"Small\"},"
            + "{\"id\":\"m\",\"title\":\"Medium\"}]}}";
    ApiClient.Answer sentButtons = api.send("messages", buttons, "b-1");
    assertThat(sentButtons.status()).as(sentButtons.body()).isEqualTo(202);
    assertThat(api.send("messages", buttons, "b-1").json().getBoolean("duplicate")).isTrue();
    ApiClient.Answer tooMany =
        api.send(
            "messages",
            buttons.replace(
                "]}}", ",{\"id\":\"l\",\"title\":\"Large\"},{\"id\":\"x\",\"title\":\"XL\"}]}}"),
            "b-2");
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().getString("detail")).contains("1 to 3 buttons");
    ApiClient.Answer unknown =
        api.send(
            "messages",
            buttons
                .replace("\"title\":\"Small\"", "\"title\":\"Small\",\"colour\":1")
                .replace("\"kind\":\"buttons\"", "\"kind\":\"carousel\"")
                .replace("\"type\":\"interactive\",", "\"type\":\"interactive\",\"text\":\"x\","),
            "b-3");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(pointers(unknown))
        .contains("/interactive/choices/0/colour", "/interactive/kind", "/text");
    String list =
        "{\"conversation_id\":"
            + conversation
            + ",\"type\":\"interactive\",\"interactive\":{\"kind\":\"list\","
            + "\"body\":\"Pick a day\",\"button_text\":\"Days\",\"choices\":["
            + "{\"id\":\"mon\",\"title\":\"Monday\",\"description\":\"9 to 5\"}]}}";
    ApiClient.Answer sentList = api.send("messages", list, "l-1");
    assertThat(sentList.status()).as(sentList.body()).isEqualTo(202);
    assertThat(api.send("messages", list.replace(",\"button_text\":\"Days\"", ""), "l-2").status())
        .isEqualTo(422);
    assertThat(outbound(a, conversation)).isEqualTo(3);

    // A file: uploaded to Meta once for one key; wrong input refused before any upload.
    in.picode.kretanote.testing.SimulatorControl sim =
        in.picode.kretanote.testing.SimulatorControl.fromTestJvm();
    byte[] pdf =
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    String path = "messages/media?conversation_id=" + conversation + "&filename=offer.pdf";
    long uploadsBefore = uploads(sim, a.phoneNumberId());
    ApiClient.Answer noScope = ApiClient.send(file(reader, path, "application/pdf", pdf, "f-1"));
    assertThat(noScope.status()).isEqualTo(403);
    ApiClient.Answer noName =
        ApiClient.send(
            file(api, "messages/media?conversation_id=x", "application/pdf", pdf, "f-1"));
    assertThat(noName.status()).isEqualTo(422);
    assertThat(pointers(noName)).contains("conversation_id", "filename");
    ApiClient.Answer exe =
        ApiClient.send(
            file(
                api,
                "messages/media?conversation_id=" + conversation + "&filename=run.exe",
                "application/x-msdownload",
                pdf,
                "f-2"));
    assertThat(exe.status()).isEqualTo(422);
    assertThat(exe.json().getString("detail")).contains("does not accept this type");
    assertThat(uploads(sim, a.phoneNumberId())).isEqualTo(uploadsBefore);
    ApiClient.Answer sentFile = ApiClient.send(file(api, path, "application/pdf", pdf, "f-1"));
    assertThat(sentFile.status()).as(sentFile.body()).isEqualTo(202);
    ApiClient.Answer sentAgain = ApiClient.send(file(api, path, "application/pdf", pdf, "f-1"));
    assertThat(sentAgain.json().getBoolean("duplicate")).isTrue();
    assertThat(sentAgain.json().getJsonNumber("id")).isEqualTo(sentFile.json().getJsonNumber("id"));
    assertThat(uploads(sim, a.phoneNumberId())).isEqualTo(uploadsBefore + 1);
    assertThat(outbound(a, conversation)).isEqualTo(4);
    assertThat(
            ApiClient.send(
                    file(stranger, path.replace("offer", "other"), "application/pdf", pdf, "f-9"))
                .status())
        .isEqualTo(404);

    // Media download: only the business's own, only with conversations:read.
    assertThat(api.get("messages/media/999999999").status()).isEqualTo(404);
    assertThat(api.get("messages/media/abc").status()).isEqualTo(404);
    ApiClient writeOnly = new ApiClient(base, ApiClient.key(a.id(), "w", "messages:send"));
    assertThat(writeOnly.get("messages/media/1").status()).isEqualTo(403);
  }

  @Test
  void customFieldsAreReadAndWrittenByNameAndChangesAreOneContactUpdated() throws Exception {
    Webhooks.Tenant a = Webhooks.tenantWithNumber("Api fields");
    Webhooks.Tenant b = Webhooks.tenantWithNumber("Api fields other");
    ApiClient api = new ApiClient(base, ApiClient.key(a.id(), "crm", ALL));
    ApiClient reader = new ApiClient(base, ApiClient.key(a.id(), "bi", "contacts:read"));
    ApiClient stranger = new ApiClient(base, ApiClient.key(b.id(), "other", ALL));
    Webhooks.execute(
        "INSERT INTO custom_field (tenant_id, name, type, created_at) VALUES"
            + " (?, 'Order total', 'NUMBER', NOW(6)), (?, 'Birthday', 'DATE', NOW(6))",
        a.id(),
        a.id());
    Webhooks.execute(
        "INSERT INTO custom_field (tenant_id, name, type, created_at) VALUES"
            + " (?, 'Secret other', 'TEXT', NOW(6))",
        b.id());
    ApiClient.Answer subscribed =
        api.post(
            "webhooks",
            "{\"url\":\"http://127.0.0.1:"
                + EVENTS_PORT
                + "/fields\",\"events\":[\"contact.created\",\"contact.updated\"]}");
    assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
    long subscription = subscribed.json().getJsonNumber("id").longValue();

    ApiClient.Answer defs = reader.get("contacts/fields");
    assertThat(defs.status()).isEqualTo(200);
    assertThat(defs.body()).contains("Order total").contains("\"number\"").contains("Birthday");
    assertThat(defs.body()).doesNotContain("Secret other");

    ApiClient.Answer created =
        api.send(
            "contacts",
            "{\"phone\":\"+"
                + ApiClient.phone()
                + "\",\"tags\":[\"vip\",\"b2b\"],\"fields\":{\"order total\":\"12.50\"}}",
            "c-fields-1");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    assertThat(created.json().getJsonObject("fields").getString("Order total")).isEqualTo("12.5");
    ApiClient.Answer got = reader.get("contacts/" + id);
    assertThat(got.json().getJsonObject("fields").getString("Order total")).isEqualTo("12.5");
    String etag = got.raw().headers().firstValue("ETag").orElseThrow();

    // Bad values and unknown fields: refused by path, nothing applied.
    ApiClient.Answer bad =
        api.patch(
            "contacts/" + id,
            "{\"name\":\"Renamed\",\"fields\":{\"Birthday\":\"not a date\"}}",
            etag);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(pointers(bad)).containsExactly("/fields/Birthday");
    ApiClient.Answer unknown =
        api.patch("contacts/" + id, "{\"fields\":{\"Secret other\":\"x\"}}", etag);
    assertThat(pointers(unknown)).containsExactly("/fields/Secret other");
    ApiClient.Answer wrongType =
        api.patch("contacts/" + id, "{\"fields\":{\"Birthday\":[1]}}", etag);
    assertThat(pointers(wrongType)).containsExactly("/fields/Birthday");
    assertThat(reader.get("contacts/" + id).json().getString("name", null)).isNotEqualTo("Renamed");
    assertThat(reader.get("contacts/" + id).raw().headers().firstValue("ETag")).contains(etag);

    ApiClient.Answer changed =
        api.patch(
            "contacts/" + id,
            "{\"tags\":[\"vip\"],\"fields\":{\"Birthday\":\"1990-04-01\","
                + "\"Order total\":null}}",
            etag);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getJsonObject("fields").getString("Birthday"))
        .isEqualTo("1990-04-01");
    assertThat(changed.json().getJsonObject("fields").containsKey("Order total")).isFalse();
    assertThat(changed.json().getJsonArray("tags").size()).isEqualTo(1);
    assertThat(
            api.patch("contacts/" + id, "{\"fields\":{\"Birthday\":\"1990-04-01\"}}", etag)
                .status())
        .as("the old ETag no longer matches")
        .isEqualTo(412);
    assertThat(stranger.patch("contacts/" + id, "{\"fields\":{}}", "*").status()).isEqualTo(404);
    assertThat(reader.patch("contacts/" + id, "{\"fields\":{}}", "*").status()).isEqualTo(403);

    // One contact.created for the creation with tags and a field, one contact.updated for the
    // update of tags and fields, none for the refused ones.
    await(
        () ->
            Webhooks.count(
                    "SELECT count(*) FROM webhook_delivery WHERE tenant_id = ?"
                        + " AND subscription_id = ? AND state = 'DELIVERED'",
                    a.id(),
                    subscription)
                >= 2);
    assertThat(
            Webhooks.rows(
                "SELECT event_type FROM webhook_delivery WHERE tenant_id = ?"
                    + " AND subscription_id = ? ORDER BY id",
                a.id(),
                subscription))
        .containsExactly(List.of("contact.created"), List.of("contact.updated"));
    // A tag added from the dashboard's boundary alone is a contact.updated as well.
    ApiClient.Answer tagged = api.patch("contacts/" + id, "{\"tags\":[\"vip\",\"new\"]}", "*");
    assertThat(tagged.status()).isEqualTo(200);
    await(
        () ->
            Webhooks.count(
                    "SELECT count(*) FROM webhook_delivery WHERE tenant_id = ?"
                        + " AND subscription_id = ? AND event_type = 'contact.updated'",
                    a.id(),
                    subscription)
                == 2);
  }

  @Test
  void theDeliveryLogShowsEachDeliveryAndSendsOneAgainAndNewEventsArrive() throws Exception {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User owner = TestAccounts.owner("Api log", run);
    String pnid = "1077" + Math.abs(run.hashCode());
    Webhooks.execute(
        "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id,"
            + " display_phone_number, status, created_at, updated_at) VALUES"
            + " (?, ?, ?, '15550001111', 'CONNECTED', NOW(6), NOW(6))",
        owner.tenantId(),
        "waba-" + pnid,
        pnid);
    Webhooks.Tenant a =
        new Webhooks.Tenant(
            owner.tenantId(),
            Webhooks.count(
                "SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId()),
            pnid);
    ApiClient api =
        new ApiClient(
            base,
            ApiClient.key(a.id(), "hooks", ALL + " campaigns:read campaigns:write contacts:write"));
    ApiClient.Answer subscribed =
        api.post(
            "webhooks",
            "{\"url\":\"http://127.0.0.1:"
                + EVENTS_PORT
                + "/log-"
                + run
                + "\",\"events\":[\"contact.created\",\"conversation.created\","
                + "\"campaign.finished\"]}");
    assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
    long subscription = subscribed.json().getJsonNumber("id").longValue();

    // conversation.created: a customer's first message opens one.
    long conversation = ApiClient.customerWrites(base, a, ApiClient.phone(), "Hello");
    await(() -> delivered(a, subscription, "conversation.created") == 1);
    assertThat(
            Webhooks.string(
                "SELECT payload FROM webhook_delivery WHERE tenant_id = ? AND subscription_id = ?"
                    + " AND event_type = 'conversation.created' ORDER BY id LIMIT 1",
                a.id(),
                subscription))
        .contains("\"conversation_id\":" + conversation);

    // campaign.finished: a campaign to one tagged contact runs to its end.
    template(a, "log_note", "Hello {{1}}", "APPROVED");
    ApiClient.Answer contact =
        api.post("contacts", "{\"phone\":\"+" + ApiClient.phone() + "\",\"tags\":[\"log\"]}");
    assertThat(contact.status()).isEqualTo(201);
    ApiClient.Answer campaign =
        api.send(
            "campaigns",
            "{\"name\":\"Log run\",\"connection_id\":"
                + a.connectionId()
                + ",\"template\":{\"name\":\"log_note\",\"language\":\"en\"},"
                + "\"values\":[\"you\"],\"segment\":{\"tag\":\"log\"}}",
            "log-c-1");
    assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
    long campaignId = campaign.json().getJsonNumber("id").longValue();
    assertThat(api.post("campaigns/" + campaignId + "/start", "").status()).isEqualTo(200);
    await(() -> delivered(a, subscription, "campaign.finished") == 1);
    assertThat(api.get("campaigns/" + campaignId).json().getString("state")).isEqualTo("completed");
    assertThat(
            Webhooks.string(
                "SELECT payload FROM webhook_delivery WHERE tenant_id = ? AND subscription_id = ?"
                    + " AND event_type = 'campaign.finished'",
                a.id(),
                subscription))
        .contains("\"campaign_id\":" + campaignId)
        .contains("\"state\":\"completed\"");

    // The page: every delivery with its code, latency and the receiver's answer.
    WebClient web = WebClient.signedIn(base, owner);
    Document list = web.get("app/settings/webhooks.xhtml");
    assertThat(list.text()).contains("Webhooks").contains("log-" + run).contains("active");
    Document log = web.get("app/settings/webhooks.xhtml?subscription=" + subscription);
    assertThat(log.text())
        .contains("Delivery log")
        .contains("conversation.created")
        .contains("campaign.finished")
        .contains("delivered")
        .contains("200")
        .contains(" ms")
        .contains("ok");
    long deliveryId =
        Webhooks.count(
            "SELECT id FROM webhook_delivery WHERE tenant_id = ? AND subscription_id = ?"
                + " AND event_type = 'conversation.created' ORDER BY id LIMIT 1",
            a.id(),
            subscription);
    String eventId =
        Webhooks.string("SELECT event_id FROM webhook_delivery WHERE id = ?", deliveryId);
    int row = -1;
    org.jsoup.select.Elements events = log.select("[id$=:event]");
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).text().equals("conversation.created")) {
        row = i;
      }
    }
    assertThat(row).isNotNegative();
    int before = events.size();
    int receivedBefore = events(eventId);
    Document again = web.submit(log, "deliveries", Map.of(), "table:" + row + ":again");
    assertThat(again.text()).contains("Delivery " + deliveryId + " goes out again");
    await(() -> events(eventId) == receivedBefore + 1);
    assertThat(
            Webhooks.count(
                "SELECT count(*) FROM webhook_delivery WHERE tenant_id = ? AND subscription_id = ?",
                a.id(),
                subscription))
        .as("sent again, not copied")
        .isEqualTo(before);

    // Another business's subscription is 404; an agent may not see the page.
    TestAccounts.User stranger = TestAccounts.owner("Api log other", run);
    assertThat(
            WebClient.signedIn(base, stranger)
                .raw("app/settings/webhooks.xhtml?subscription=" + subscription)
                .statusCode())
        .isEqualTo(404);
    assertThat(WebClient.signedIn(base, stranger).get("app/settings/webhooks.xhtml").text())
        .doesNotContain("log-" + run);
    TestAccounts.User agent =
        TestAccounts.user(owner.tenantId(), "agent-log-" + run + "@example.com", "AGENT");
    assertThat(WebClient.signedIn(base, agent).raw("app/settings/webhooks.xhtml").statusCode())
        .isEqualTo(403);

    // At 390 px the log fits the screen: no sideways scrolling, the button is reachable.
    Browser browser = Browser.start(390, 844);
    try {
      browser.open(base, "login.xhtml");
      browser.driver().findElement(By.id("login:email")).sendKeys(owner.email());
      browser.driver().findElement(By.id("login:password")).sendKeys(TestAccounts.PASSWORD);
      browser.click("login:submit");
      browser.waiting().until(ExpectedConditions.urlContains("/app/"));
      browser.open(base, "app/settings/webhooks.xhtml?subscription=" + subscription);
      browser.waitForText("Delivery log");
      Object overflow =
          browser
              .driver()
              .executeScript(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      Object wide =
          browser
              .driver()
              .executeScript(
                  "return Array.from(document.querySelectorAll('body *'))"
                      + ".filter(function (e) { return e.getBoundingClientRect().right"
                      + " > document.documentElement.clientWidth + 1; })"
                      + ".slice(0, 8).map(function (e) { return e.tagName + '#' + e.id + '.'"
                      + " + e.className + ' ' + Math.round(e.getBoundingClientRect().right); });");
      browser.screenshot("webhook-delivery-log-390");
      assertThat(((Number) overflow).longValue())
          .as("sideways overflow in px; too wide: " + wide)
          .isLessThanOrEqualTo(0);
      assertThat(browser.driver().findElement(By.id("deliveries:table:0:again")).isDisplayed())
          .isTrue();
      browser.screenshot("webhook-delivery-log-390");
    } finally {
      browser.quit();
    }
  }

  static long delivered(Webhooks.Tenant t, long subscription, String type) {
    return Webhooks.count(
        "SELECT count(*) FROM webhook_delivery WHERE tenant_id = ? AND subscription_id = ?"
            + " AND event_type = ? AND state = 'DELIVERED'",
        t.id(),
        subscription,
        type);
  }

  /** How many requests the events receiver got for this event id. */
  static int events(String eventId) {
    return (int) eventsSeen.stream().filter(b -> b.contains(eventId)).count();
  }

  static final java.util.List<String> eventsSeen =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  static java.net.http.HttpRequest.Builder file(
      ApiClient api, String path, String type, byte[] bytes, String key) {
    return api.request(path)
        .header("Content-Type", type)
        .header("Idempotency-Key", key)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes));
  }

  static long uploads(in.picode.kretanote.testing.SimulatorControl sim, String phoneNumberId) {
    return sim.calls().stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("method").equals("POST"))
        .filter(c -> c.getString("path").endsWith(phoneNumberId + "/media"))
        .count();
  }

  static long templateRows(long tenant) {
    return Webhooks.count("SELECT count(*) FROM message_template WHERE tenant_id = ?", tenant);
  }

  static long templateCalls(
      in.picode.kretanote.testing.SimulatorControl sim, String waba, String method) {
    return sim.calls().stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("method").equals(method))
        .filter(c -> c.getString("path").contains(waba + "/message_templates"))
        .count();
  }

  static void template(Webhooks.Tenant t, String name, String text, String status) {
    Webhooks.execute(
        "INSERT INTO message_template (tenant_id, connection_id, waba_id, name, language,"
            + " category, status, components, updated_at) VALUES (?, ?, ?, ?, 'en', 'MARKETING',"
            + " ?, ?, NOW(6))",
        t.id(),
        t.connectionId(),
        "waba-" + t.phoneNumberId(),
        name,
        status,
        "[{\"type\":\"BODY\",\"text\":\"" + text + "\"}]");
  }

  static long campaigns(Webhooks.Tenant t) {
    return Webhooks.count("SELECT count(*) FROM campaign WHERE tenant_id = ?", t.id());
  }

  static String state(long campaign) {
    return Webhooks.string("SELECT state FROM campaign WHERE id = ?", campaign);
  }

  static List<String> pointers(ApiClient.Answer a) {
    assertThat(a.type()).startsWith("application/problem+json");
    List<String> out = new ArrayList<>();
    if (a.json().containsKey("errors")) {
      a.json().getJsonArray("errors").forEach(e -> out.add(e.asJsonObject().getString("pointer")));
    }
    return out;
  }

  static long outbound(Webhooks.Tenant t, long conversation) {
    return Webhooks.count(
        "SELECT count(*) FROM message WHERE tenant_id = ? AND conversation_id = ?"
            + " AND direction = 'OUTBOUND'",
        t.id(),
        conversation);
  }

  static long contacts(Webhooks.Tenant t) {
    return Webhooks.count("SELECT count(*) FROM contact WHERE tenant_id = ?", t.id());
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Webhooks.pause(200);
    }
    throw new AssertionError("not reached within 45 s");
  }
}
