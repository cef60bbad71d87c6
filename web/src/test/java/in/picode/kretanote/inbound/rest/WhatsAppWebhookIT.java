package in.picode.kretanote.inbound.rest;

import static in.picode.kretanote.testing.Webhooks.awaitApplied;
import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.post;
import static in.picode.kretanote.testing.Webhooks.rows;
import static in.picode.kretanote.testing.Webhooks.sha256;
import static in.picode.kretanote.testing.Webhooks.string;
import static in.picode.kretanote.testing.Webhooks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.devserver.ItDatabaseSession;
import in.picode.kretanote.devserver.TcpProxy;
import in.picode.kretanote.inbound.control.InboundMessage;
import in.picode.kretanote.inbound.control.MessagesChange;
import in.picode.kretanote.inbound.control.ParsedWebhook;
import in.picode.kretanote.inbound.control.WebhookPayloadParser;
import in.picode.kretanote.inbound.control.WebhookSignature;
import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Status;
import in.picode.kretanote.sandbox.meta.WebhookSender;
import in.picode.kretanote.testing.RawHttp;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Answer;
import in.picode.kretanote.testing.Webhooks.Tenant;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Meta's webhook over real HTTP, as Meta sends it: exact bytes signed with the app secret, several
 * entries, changes, messages and statuses per POST, redeliveries and any order. Each test proves
 * its point by looking in the database.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class WhatsAppWebhookIT {

  /** The phone number id of the recorded payloads in the ejb test resources. */
  static final String FIXTURE_NUMBER = "106540352242922";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("webhooks", Map.of());
  }

  @ArquillianResource URL base;

  URI endpoint;

  @BeforeEach
  void endpoint() {
    endpoint = URI.create(base.toString()).resolve("webhooks/whatsapp");
  }

  /** The state and error of a message's media once the downloader has dealt with it. */
  static List<String> awaitMediaSettled(String wamid) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      List<List<String>> found =
          rows(
              "SELECT media.state, media.last_error FROM media JOIN message m"
                  + " ON m.id = media.message_id WHERE m.wamid = ?",
              wamid);
      if (!found.isEmpty() && !found.get(0).get(0).equals("PENDING")) {
        return found.get(0);
      }
      Webhooks.pause(200);
    }
    throw new AssertionError("media of " + wamid + " still PENDING after 60 s");
  }

  static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void handshakeEchoesTheChallengeOnlyForOurToken() {
    Answer ok =
        get(
            "?hub.mode=subscribe&hub.verify_token="
                + Webhooks.VERIFY_TOKEN
                + "&hub.challenge=1158201444");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    assertThat(ok.header("Content-Type")).startsWith("text/plain");
    assertThat(ok.header("X-Content-Type-Options")).isEqualTo("nosniff");

    assertThat(get("?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1").status())
        .isEqualTo(403);
    assertThat(
            get("?hub.mode=unsubscribe&hub.verify_token="
                    + Webhooks.VERIFY_TOKEN
                    + "&hub.challenge=1")
                .status())
        .isEqualTo(403);
    assertThat(
            get("?hub.mode=subscribe&hub.verify_token="
                    + Webhooks.VERIFY_TOKEN
                    + "&hub.challenge=%3Cscript%3E")
                .status())
        .as("a challenge that would be reflected as markup")
        .isEqualTo(403);
  }

  @Test
  void theEndpointLivesOnlyUnderWebhooks() {
    URI api = URI.create(base.toString()).resolve("api/whatsapp");
    byte[] body = utf8("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
    assertThat(post(api, body).status()).isEqualTo(404);
    assertThat(post(endpoint.resolve("whatsapp/signature-only"), body).status())
        .as("the benchmark's baseline endpoint is off unless configured")
        .isEqualTo(404);
  }

  @Test
  void recordedPayloadsOfEveryMessageTypeAreStoredOnce() throws Exception {
    Tenant tenant = Webhooks.tenantWithNumber("Fixtures " + run(), FIXTURE_NUMBER);
    WebhookPayloadParser parser = new WebhookPayloadParser();
    Set<String> types = new HashSet<>();
    for (String fixture :
        List.of(
            "all-message-types.json",
            "batch.json",
            "escapes.json",
            "username-only.json",
            "partly-broken.json")) {
      byte[] body = fixture(fixture);
      assertThat(post(endpoint, body).status()).as(fixture).isEqualTo(200);
      String state = awaitApplied(body);
      ParsedWebhook parsed = parser.parse(body);
      boolean foreignNumber =
          parsed.messageChanges().stream().anyMatch(c -> !c.phoneNumberId().equals(FIXTURE_NUMBER));
      assertThat(state).as(fixture).isEqualTo(foreignNumber ? "UNROUTABLE" : "APPLIED");
      if (fixture.equals("all-message-types.json")) {
        assertThat(
                string(
                    "SELECT wa_id FROM contact WHERE tenant_id = ? AND user_id = 'DE.1234567890'",
                    tenant.id()))
            .as("the user_changed_number notice moved the contact to the new number")
            .isEqualTo("4915187654321");
      }
      for (MessagesChange change : parsed.messageChanges()) {
        for (InboundMessage m : change.messages()) {
          boolean ours = change.phoneNumberId().equals(FIXTURE_NUMBER);
          List<List<String>> stored =
              rows("SELECT type, tenant_id, payload FROM message WHERE wamid = ?", m.wamid());
          if (ours) {
            assertThat(stored).as(fixture + " " + m.wamid()).hasSize(1);
            assertThat(stored.get(0).get(0)).isEqualTo(m.rawType());
            assertThat(Long.parseLong(stored.get(0).get(1))).isEqualTo(tenant.id());
            assertThat(stored.get(0).get(2)).isEqualTo(m.contentJson());
            types.add(m.rawType());
          } else {
            assertThat(stored).as("a message for a number nobody connected").isEmpty();
          }
        }
      }
    }
    assertThat(types)
        .as("the recorded payloads cover every type Meta documents")
        .contains(
            "text",
            "image",
            "audio",
            "video",
            "document",
            "sticker",
            "location",
            "contacts",
            "interactive",
            "button",
            "reaction",
            "order",
            "system",
            "request_welcome",
            "unsupported");

    byte[] broken = fixture("partly-broken.json");
    assertThat(
            count(
                "SELECT COUNT(*) FROM webhook_event_issue i JOIN webhook_event e ON e.id = i.event_id"
                    + " WHERE e.body_sha256 = ? AND i.kind = 'REJECTED' AND i.raw_json IS NOT NULL",
                sha256(broken)))
        .as("the unreadable parts are kept with their JSON for operators")
        .isPositive();
    // This test's connection holds no access token (the media ITs download with a real one), so
    // the downloader cannot ask Meta and says so.
    List<String> media = awaitMediaSettled("wamid.IMAGE0001");
    assertThat(media.get(0)).isEqualTo("FAILED");
    assertThat(media.get(1)).contains("disconnected");
    assertThat(
            rows(
                "SELECT user_id FROM contact WHERE tenant_id = ?"
                    + " AND (user_id = ? OR wa_id IN (?, ?))",
                tenant.id(),
                "DE.1234567890",
                "4915112345678",
                "4915187654321"))
        .as("one customer however Meta addressed her: by user id, by phone number, or both")
        .containsExactly(List.of("DE.1234567890"));
  }

  @Test
  void onePostWithSeveralEntriesChangesMessagesAndEmojiIsAppliedCompletely() {
    Tenant tenant = Webhooks.tenantWithNumber("Café " + run());
    Customer ana =
        Customer.phoneAndUserId("49151" + digits(7), "DE." + digits(10), "Ana 👩‍🍳 \"Chefin\"");
    Customer bo = Customer.usernameOnly("DE." + digits(10), "bo_eats", "Bo");
    Inbound question = Inbound.text(ana, "Habt ihr heute noch einen Tisch frei? 🍝 \\ / \u2028");
    Inbound reply = Inbound.text(ana, "Für 4 Personen bitte").replyTo(question.id());
    Inbound picture =
        Inbound.image(bo, "media-" + digits(9), "image/jpeg", "c2hhMjU2", "Unser Tisch 🎉");
    Inbound like = Inbound.reaction(ana, question.id(), "❤️");
    Inbound where = Inbound.location(bo, 52.52, 13.405, "Kreta Café", "Hauptstraße 1");
    JsonObject payload =
        WebhookPayloads.envelope()
            .entry(
                "waba-" + tenant.phoneNumberId(),
                new Messages(tenant.phoneNumberId(), "15550001111")
                    .add(reply)
                    .add(question)
                    .change(),
                new Messages(tenant.phoneNumberId(), "15550001111").add(picture).change())
            .entry(
                "waba-" + tenant.phoneNumberId(),
                new Messages(tenant.phoneNumberId(), "15550001111").add(like).add(where).change())
            .build();
    byte[] body = MetaJson.bytes(payload);
    assertThat(new String(body, java.nio.charset.StandardCharsets.US_ASCII))
        .as("Meta's escaped wire form")
        .contains("\\ud83c\\udf5d");

    assertThat(post(endpoint, body).status()).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("APPLIED");

    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", tenant.id())).isEqualTo(5);
    assertThat(string("SELECT text FROM message WHERE wamid = ?", question.id()))
        .isEqualTo("Habt ihr heute noch einen Tisch frei? 🍝 \\ / \u2028");
    assertThat(
            string(
                "SELECT q.wamid FROM message r JOIN message q ON q.id = r.context_message_id"
                    + " WHERE r.wamid = ?",
                reply.id()))
        .as("the reply is linked to the message it quotes, though it came first")
        .isEqualTo(question.id());
    assertThat(
            rows(
                "SELECT r.emoji, m.wamid FROM reaction r JOIN message m ON m.id = r.message_id"
                    + " WHERE r.tenant_id = ?",
                tenant.id()))
        .containsExactly(List.of("❤️", question.id()));
    assertThat(
            string(
                "SELECT profile_name FROM contact WHERE tenant_id = ? AND identity_key = ?",
                tenant.id(),
                ana.userId()))
        .isEqualTo("Ana 👩‍🍳 \"Chefin\"");
    assertThat(
            rows(
                "SELECT username, wa_id FROM contact WHERE tenant_id = ? AND identity_key = ?",
                tenant.id(),
                bo.userId()))
        .as("a user who adopted a username has no phone number")
        .containsExactly(Arrays.asList("bo_eats", null));
    assertThat(count("SELECT COUNT(*) FROM contact WHERE tenant_id = ?", tenant.id())).isEqualTo(2);
    List<List<String>> conversations =
        rows(
            "SELECT c.unread_count, c.status, TIMESTAMPDIFF(HOUR, c.last_customer_message_at,"
                + " c.window_expires_at) FROM conversation c JOIN contact k ON k.id = c.contact_id"
                + " WHERE c.tenant_id = ? AND k.identity_key = ?",
            tenant.id(),
            ana.userId());
    assertThat(conversations)
        .as("two messages to read (the reaction is not one), window = last message + 24 h")
        .containsExactly(List.of("2", "OPEN", "24"));
    assertThat(string("SELECT media_id FROM media WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(((JsonObject) picture.content()).getString("id"));
  }

  @Test
  void fiveDeliveriesOfOnePayloadMakeOneMessage() {
    Tenant tenant = Webhooks.tenantWithNumber("Redelivery " + run());
    Customer ana = Customer.phone("49160" + digits(7), "Ana");
    Inbound hello = Inbound.text(ana, "Hallo");
    byte[] body =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba", new Messages(tenant.phoneNumberId(), "15550001111").add(hello).change()));
    for (int i = 0; i < 5; i++) {
      assertThat(post(endpoint, body).status()).isEqualTo(200);
    }
    awaitApplied(body);
    assertThat(
            rows("SELECT deliveries, state FROM webhook_event WHERE body_sha256 = ?", sha256(body)))
        .as("one event, every delivery counted")
        .containsExactly(List.of("5", "APPLIED"));

    byte[] reformatted =
        utf8(
            MetaJson.write(
                WebhookPayloads.single(
                    "waba",
                    new Messages(tenant.phoneNumberId(), "15550001111").add(hello).change()),
                false));
    assertThat(post(endpoint, reformatted).status()).isEqualTo(200);
    assertThat(awaitApplied(reformatted))
        .as("the same message in other bytes is another event, applied without effect")
        .isEqualTo("APPLIED");

    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", tenant.id())).isEqualTo(1);
    assertThat(string("SELECT unread_count FROM conversation WHERE tenant_id = ?", tenant.id()))
        .isEqualTo("1");
  }

  @Test
  void statusesInEveryOrderEndAtTheHighest() {
    Tenant tenant = Webhooks.tenantWithNumber("Statuses " + run());
    Customer ana = Customer.phone("49170" + digits(7), "Ana");
    List<List<String>> orders = permutations(List.of("sent", "delivered", "read", "failed"));
    orders.addAll(permutations(List.of("sent", "delivered", "failed")));
    List<String> wamids = new ArrayList<>();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    for (List<String> order : orders) {
      String wamid = WebhookPayloads.newWamid();
      wamids.add(wamid);
      Webhooks.outboundMessage(tenant, ana.waId(), wamid);
      for (String status : order) {
        Status s =
            switch (status) {
              case "failed" -> Status.failed(wamid, ana, 131026);
              case "read" -> Status.read(wamid, ana).pricing("utility", "regular");
              default -> Status.of(wamid, status, ana, "utility", "regular");
            };
        s = s.at(t0.plusSeconds(List.of("sent", "delivered", "read", "failed").indexOf(status)));
        byte[] body =
            MetaJson.bytes(
                WebhookPayloads.single(
                    "waba", new Messages(tenant.phoneNumberId(), "15550001111").add(s).change()));
        assertThat(post(endpoint, body).status()).isEqualTo(200);
        assertThat(post(endpoint, body).status()).as("and once more").isEqualTo(200);
      }
    }
    Webhooks.awaitNothingPending(Duration.ofSeconds(60));
    for (int i = 0; i < orders.size(); i++) {
      List<String> order = orders.get(i);
      List<List<String>> message =
          rows(
              "SELECT status, error_code, pricing_category, pricing_type FROM message WHERE wamid = ?",
              wamids.get(i));
      if (order.contains("read")) {
        assertThat(message)
            .as(order + ": read beats everything, the failure no longer applies")
            .containsExactly(Arrays.asList("READ", null, "utility", "regular"));
      } else {
        assertThat(message)
            .as(order.toString())
            .containsExactly(Arrays.asList("FAILED", "131026", "utility", "regular"));
      }
      assertThat(count("SELECT COUNT(*) FROM message_status WHERE wamid = ?", wamids.get(i)))
          .as("each status report once, redeliveries collapsed")
          .isEqualTo(order.size());
    }
  }

  @Test
  void aWebhookForOneTenantsNumberNeverReachesAnother() {
    Tenant a = Webhooks.tenantWithNumber("Tenant A " + run());
    Tenant b = Webhooks.tenantWithNumber("Tenant B " + run());
    Customer shared = Customer.phone("49180" + digits(7), "Shared Customer");
    String bWamid = WebhookPayloads.newWamid();
    long bMessage = Webhooks.outboundMessage(b, shared.waId(), bWamid);
    List<List<String>> bBefore = snapshot(b);

    Inbound hello = Inbound.text(shared, "Hallo A");
    byte[] body =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba",
                new Messages(a.phoneNumberId(), "15550001111")
                    .add(hello)
                    .add(Status.read(bWamid, shared))
                    .add(Inbound.reaction(shared, bWamid, "👍"))
                    .change()));
    assertThat(post(endpoint, body).status()).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("APPLIED");

    assertThat(snapshot(b)).as("nothing of tenant B changed").isEqualTo(bBefore);
    assertThat(string("SELECT status FROM message WHERE id = ?", bMessage)).isEqualTo("PENDING");
    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", a.id())).isEqualTo(2);
    assertThat(rows("SELECT tenant_id, message_id FROM reaction WHERE target_wamid = ?", bWamid))
        .as("A's customer reacted to a wamid A does not have: kept unattached in A")
        .containsExactly(Arrays.asList(Long.toString(a.id()), null));
    assertThat(rows("SELECT tenant_id FROM message_status WHERE wamid = ?", bWamid))
        .containsExactly(List.of(Long.toString(a.id())));
  }

  @Test
  void aNumberNobodyConnectedIsKeptAsUnroutable() {
    String number = "9" + digits(14);
    Inbound hello = Inbound.text(Customer.phone("49190" + digits(7), "X"), "Hallo");
    byte[] body =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba-x", new Messages(number, "15550009999").add(hello).change()));
    assertThat(post(endpoint, body).status()).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("UNROUTABLE");
    assertThat(
            rows(
                "SELECT i.kind, i.phone_number_id FROM webhook_event_issue i"
                    + " JOIN webhook_event e ON e.id = i.event_id WHERE e.body_sha256 = ?",
                sha256(body)))
        .containsExactly(List.of("UNROUTABLE", number));
    assertThat(count("SELECT COUNT(*) FROM message WHERE wamid = ?", hello.id())).isZero();
  }

  @Test
  void unsignedWronglySignedAndOversizedBodiesAreRefusedAndNothingIsStored() {
    byte[] body =
        utf8(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[]," + "\"n\":\"" + run() + "\"}");
    long before = count("SELECT COUNT(*) FROM webhook_event");

    assertThat(post(endpoint, body, null).status()).isEqualTo(401);
    assertThat(post(endpoint, body, WebhookSender.signature(body, "not-the-secret")).status())
        .isEqualTo(401);
    assertThat(post(endpoint, body, "sha256=xyz").status()).isEqualTo(401);
    assertThat(post(endpoint, body, "sha1=" + "0".repeat(40)).status()).isEqualTo(401);
    byte[] tampered = body.clone();
    tampered[tampered.length - 3] ^= 1;
    assertThat(
            post(endpoint, tampered, WebhookSender.signature(body, Webhooks.APP_SECRET)).status())
        .as("signature of other bytes")
        .isEqualTo(401);

    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    assertThat(post(endpoint, huge).status()).as("declared length over the limit").isEqualTo(413);
    Answer chunked =
        Webhooks.send(
            HttpRequest.newBuilder(endpoint)
                .header("X-Hub-Signature-256", WebhookSender.signature(huge, Webhooks.APP_SECRET))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge)))
                .build());
    assertThat(chunked.status()).as("no declared length, cut off while reading").isEqualTo(413);

    assertThat(count("SELECT COUNT(*) FROM webhook_event")).isEqualTo(before);
  }

  @Test
  void finding04_aMissingOrMalformedSignatureIsRefusedBeforeTheBodyIsRead() {
    long before = count("SELECT COUNT(*) FROM webhook_event");
    byte[] start = new byte[1024];
    Arrays.fill(start, (byte) ' ');
    String[] headers = {
      null, "", "sha256=xyz", "sha256=" + "g".repeat(64), "sha1=" + "0".repeat(40)
    };
    for (String header : headers) {
      Map<String, String> h = new java.util.HashMap<>();
      h.put("Content-Type", "application/json");
      if (header != null) {
        h.put(WebhookSignature.HEADER, header);
      }
      // 4 MB declared, 1 KB sent: a server that reads the body first waits for the rest.
      RawHttp.Answer answer =
          RawHttp.exchange(endpoint, null, "POST", "", h, 4L * 1024 * 1024, start, 5_000);
      assertThat(answer.status()).as("header '%s'", header).isEqualTo(401);
      assertThat(answer.millis()).as("answered without the body").isLessThan(5_000);
    }
    assertThat(count("SELECT COUNT(*) FROM webhook_event")).isEqualTo(before);
  }

  @Test
  void signedBodiesThatAreNotWebhooksAreAcknowledgedAndKeptAsRejected() {
    byte[] notJson = utf8("this is not JSON " + run());
    byte[] notWhatsApp = utf8("{\"object\":\"page\",\"entry\":[],\"n\":\"" + run() + "\"}");
    byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    for (byte[] body : List.of(notJson, notWhatsApp, notUtf8)) {
      assertThat(post(endpoint, body).status())
          .as("answered 200 so that Meta does not retry it for a week")
          .isEqualTo(200);
      assertThat(awaitApplied(body)).isEqualTo("REJECTED");
    }
    assertThat(string("SELECT reason FROM webhook_event WHERE body_sha256 = ?", sha256(notJson)))
        .contains("not valid JSON");
    assertThat(
            string("SELECT reason FROM webhook_event WHERE body_sha256 = ?", sha256(notWhatsApp)))
        .contains("whatsapp_business_account");
    assertThat(string("SELECT body FROM webhook_event WHERE body_sha256 = ?", sha256(notJson)))
        .as("the bytes are kept as received")
        .isEqualTo(new String(notJson, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void otherFieldsAreStoredAndMarkedAsNotApplied() throws Exception {
    byte[] body =
        utf8(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"field\":\"security\",\"value\":{\"display_phone_number\":"
                + "\"15550001111\",\"event\":\"PIN_CHANGED\",\"run\":\""
                + run()
                + "\"}}]}]}");
    assertThat(post(endpoint, body).status()).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("APPLIED");
    assertThat(
            rows(
                "SELECT i.kind, i.reason FROM webhook_event_issue i JOIN webhook_event e"
                    + " ON e.id = i.event_id WHERE e.body_sha256 = ?",
                sha256(body)))
        .hasSize(1)
        .allSatisfy(
            r -> {
              assertThat(r.get(0)).isEqualTo("NOT_APPLIED");
              assertThat(r.get(1)).contains("does not act on the field security");
            });
  }

  @Test
  void accountNewsForAnAccountNobodyConnectedIsUnroutable() throws Exception {
    byte[] body = fixture("template-status-update.json");
    assertThat(post(endpoint, body).status()).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("UNROUTABLE");
    assertThat(
            rows(
                "SELECT i.kind, i.waba_id FROM webhook_event_issue i JOIN webhook_event e"
                    + " ON e.id = i.event_id WHERE e.body_sha256 = ?",
                sha256(body)))
        .containsExactly(List.of("UNROUTABLE", "102290129340398"));
  }

  @Test
  void whileTheDatabaseIsGoneNothingIsAcknowledgedAndAfterwardsEverythingIsThereOnce()
      throws Exception {
    TcpProxy database = ItDatabaseSession.databaseProxy().orElseThrow();
    Tenant tenant = Webhooks.tenantWithNumber("Outage " + run());
    Customer ana = Customer.phone("49150" + digits(7), "Ana");
    int senders = 4;
    int perSender = 60;
    List<byte[]> bodies = new ArrayList<>();
    List<String> wamids = new ArrayList<>();
    for (int i = 0; i < senders * perSender; i++) {
      Inbound m = Inbound.text(ana, "Nachricht " + i);
      wamids.add(m.id());
      bodies.add(
          MetaJson.bytes(
              WebhookPayloads.single(
                  "waba", new Messages(tenant.phoneNumberId(), "15550001111").add(m).change())));
    }
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    Instant giveUp = Instant.now().plusSeconds(120);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> work = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int from = s * perSender;
      work.add(
          pool.submit(
              () -> {
                for (int i = from; i < from + perSender; i++) {
                  // Meta's at-least-once delivery: anything but 2xx is delivered again.
                  while (true) {
                    sent.incrementAndGet();
                    int status = post(endpoint, bodies.get(i)).status();
                    if (status == 200) {
                      acknowledged.incrementAndGet();
                      break;
                    }
                    assertThat(status).isEqualTo(503);
                    refused.incrementAndGet();
                    assertThat(Instant.now())
                        .as("still refused long after the database came back")
                        .isBefore(giveUp);
                    Webhooks.pause(50);
                  }
                  Webhooks.pause(15);
                }
                return null;
              }));
    }
    Webhooks.pause(400);
    database.cut();
    try {
      Webhooks.pause(2500);
      assertThat(refused.get()).as("answered non-2xx while the database was gone").isPositive();
    } finally {
      database.restore();
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    Webhooks.awaitNothingPending(Duration.ofSeconds(90));

    assertThat(acknowledged.get()).isEqualTo(bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      assertThat(
              rows(
                  "SELECT state, body_bytes FROM webhook_event WHERE body_sha256 = ?",
                  sha256(bodies.get(i))))
          .as("event %d stored once and whole", i)
          .containsExactly(List.of("APPLIED", Integer.toString(bodies.get(i).length)));
    }
    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(bodies.size());
    assertThat(count("SELECT COUNT(DISTINCT wamid) FROM message WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(bodies.size());
    assertThat(string("SELECT unread_count FROM conversation WHERE tenant_id = ?", tenant.id()))
        .as("every message counted exactly once")
        .isEqualTo(Integer.toString(bodies.size()));
    System.out.printf(
        "database outage: %d POSTs, %d refused with 503, %d acknowledged%n",
        sent.get(), refused.get(), acknowledged.get());
  }

  @Test
  void operatorsSeeWhatCouldNotBeUsed() throws Exception {
    String number = "8" + digits(14);
    byte[] unroutable =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba-y",
                new Messages(number, "15550008888")
                    .add(Inbound.text(Customer.phone("49199" + digits(7), "Y"), "Hallo"))
                    .change()));
    byte[] rejected = utf8("{\"object\":\"instagram\",\"n\":\"" + run() + "\"}");
    for (byte[] body : List.of(unroutable, rejected)) {
      assertThat(post(endpoint, body).status()).isEqualTo(200);
      awaitApplied(body);
    }
    assertThat(post(endpoint, rejected, "sha256=" + "ab".repeat(32)).status()).isEqualTo(401);
    String email = "operator-" + run() + "@kretanote.test";
    Webhooks.execute(
        "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role, status,"
            + " email_verified_at) VALUES (NULL, ?, 'Operator', ?, 'OPERATOR', 'ACTIVE', NOW(6))",
        email,
        pbkdf2("operator password 1"));
    WebClient browser = new WebClient(URI.create(base.toString()));
    browser.submit(
        browser.get("login.xhtml"),
        "login",
        Map.of("email", email, "password", "operator password 1"),
        "submit");
    Document page = browser.get("operator/webhooks.xhtml");
    assertThat(page.text())
        .contains("No tenant has connected phone number id " + number)
        .contains("Not a WhatsApp webhook")
        .contains("Unroutable")
        .contains("Rejected");
    assertThat(page.select("span[title=UNROUTABLE]")).as("the stored name on hover").isNotEmpty();
    assertThat(page.select("#outbox").text())
        .as("the outbox at a glance")
        .containsPattern("Oldest waiting: [0-9]+ s");
    assertThat(page.select("#jobs").text())
        .as("this server's background jobs")
        .containsPattern("webhook-apply (OK|Starting)");
    assertThat(page.text()).as("never message content").doesNotContain("Hallo");
    assertThat(page.text())
        .as("the forged POST was counted")
        .containsPattern("[1-9][0-9]* refused for a missing or wrong signature");

    Document anonymous = new WebClient(URI.create(base.toString())).get("operator/webhooks.xhtml");
    assertThat(anonymous.location()).contains("login.xhtml");
  }

  /** A password hash in the identity store's format (PBKDF2WithHmacSHA256:600000:salt:hash). */
  static String pbkdf2(String password) throws Exception {
    byte[] salt = new byte[32];
    new java.security.SecureRandom().nextBytes(salt);
    byte[] hash =
        javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(
                new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 600_000, 256))
            .getEncoded();
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    return "PBKDF2WithHmacSHA256:600000:"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash);
  }

  private List<List<String>> snapshot(Tenant t) {
    List<List<String>> all = new ArrayList<>();
    all.addAll(rows("SELECT * FROM contact WHERE tenant_id = ? ORDER BY id", t.id()));
    all.addAll(rows("SELECT * FROM conversation WHERE tenant_id = ? ORDER BY id", t.id()));
    all.addAll(rows("SELECT * FROM message WHERE tenant_id = ? ORDER BY id", t.id()));
    all.addAll(rows("SELECT * FROM message_status WHERE tenant_id = ? ORDER BY id", t.id()));
    all.addAll(rows("SELECT * FROM reaction WHERE tenant_id = ? ORDER BY id", t.id()));
    all.addAll(rows("SELECT * FROM media WHERE tenant_id = ? ORDER BY id", t.id()));
    return all;
  }

  private Answer get(String query) {
    return Webhooks.send(HttpRequest.newBuilder(URI.create(endpoint + query)).GET().build());
  }

  static byte[] fixture(String name) throws Exception {
    try (InputStream in = WhatsAppWebhookIT.class.getResourceAsStream("/webhooks/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return in.readAllBytes();
    }
  }

  static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + java.util.concurrent.ThreadLocalRandom.current().nextInt(10)));
    }
    return s.toString();
  }

  static <T> List<List<T>> permutations(List<T> items) {
    List<List<T>> result = new ArrayList<>();
    if (items.size() <= 1) {
      result.add(new ArrayList<>(items));
      return result;
    }
    for (int i = 0; i < items.size(); i++) {
      List<T> rest = new ArrayList<>(items);
      T first = rest.remove(i);
      for (List<T> p : permutations(rest)) {
        p.add(0, first);
        result.add(p);
      }
    }
    return result;
  }
}
