package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Status;
import in.picode.kretanote.sandbox.meta.WebhookReceiver.Received;
import in.picode.kretanote.sandbox.meta.WebhookSender.Delivery;
import in.picode.kretanote.sandbox.meta.WebhookSender.Order;
import in.picode.kretanote.sandbox.meta.WebhookSender.Signing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {

  static final String SECRET = "webhook-app-secret";
  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";
  static final String DISPLAY = "15550001111";
  static final Customer ANA = Customer.phoneAndUserId("4915112345678", "DE.1234567890", "Ana");

  WebhookReceiver receiver;
  MetaSimulator sim;
  WebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    sim =
        MetaSimulator.builder()
            .appSecret(SECRET)
            .callback(receiver.url())
            .statusDelay(Duration.ofMillis(20))
            .start();
    sender = new WebhookSender(receiver.url(), SECRET);
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  static JsonObject value(Received r) {
    return r.json()
        .getJsonArray("entry")
        .getJsonObject(0)
        .getJsonArray("changes")
        .getJsonObject(0)
        .getJsonObject("value");
  }

  @Test
  void theSignatureIsAnHmacOfTheExactBytesReceived() throws Exception {
    Delivery d =
        sender.send(
            WebhookPayloads.single(
                WABA, new Messages(PNID, DISPLAY).add(Inbound.text(ANA, "Hallo")).change()));

    Received r = receiver.next();
    assertThat(d.status()).isEqualTo(200);
    assertThat(r.signedWith(SECRET)).isTrue();
    assertThat(r.signedWith("another-secret")).isFalse();
    assertThat(r.body()).isEqualTo(d.body());
    assertThat(r.contentType()).isEqualTo("application/json");
  }

  @Test
  void emojiAndEscapesArriveInMetasEscapedFormAndOnlyTheRawBytesVerify() throws Exception {
    String body = "Hallo 👋 \"Café\" 1/2 \\ ü\n";
    sender.send(
        WebhookPayloads.single(
            WABA, new Messages(PNID, DISPLAY).add(Inbound.text(ANA, body)).change()));

    Received r = receiver.next();
    String raw = new String(r.body(), StandardCharsets.US_ASCII);
    assertThat(raw).contains("Hallo \\ud83d\\udc4b \\\"Caf\\u00e9\\\" 1\\/2 \\\\ \\u00fc\\n");
    assertThat(r.signedWith(SECRET)).isTrue();
    String parsed =
        value(r).getJsonArray("messages").getJsonObject(0).getJsonObject("text").getString("body");
    assertThat(parsed).isEqualTo(body);

    byte[] reserialised = r.json().toString().getBytes(StandardCharsets.UTF_8);
    assertThat(reserialised).isNotEqualTo(r.body());
    assertThat(new Received(reserialised, r.signature(), null).signedWith(SECRET))
        .as("a receiver that verifies re-serialised JSON fails")
        .isFalse();
  }

  @Test
  void handWrittenBytesAreSentAndSignedByteForByte() throws Exception {
    byte[] exact =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[],\"note\":\"caf\\u00e9 \u00e9 \\/\"}"
            .getBytes(StandardCharsets.UTF_8);

    sender.sendBytes(exact, Signing.CORRECT);

    Received r = receiver.next();
    assertThat(r.body()).isEqualTo(exact);
    assertThat(r.signedWith(SECRET)).isTrue();
  }

  @Test
  void wrongAndMissingSignaturesCanBeSent() throws Exception {
    JsonObject payload =
        WebhookPayloads.single(
            WABA, new Messages(PNID, DISPLAY).add(Inbound.text(ANA, "x")).change());

    sender.send(payload, Signing.WRONG);
    sender.send(payload, Signing.MISSING);

    assertThat(receiver.next().signedWith(SECRET)).isFalse();
    assertThat(receiver.next().signature()).isNull();
  }

  @Test
  void duplicatesBatchesAndReorderingLookLikeMetas() throws Exception {
    Inbound text = Inbound.text(ANA, "once");
    JsonObject payload =
        WebhookPayloads.single(WABA, new Messages(PNID, DISPLAY).add(text).change());
    sender.sendRepeatedly(payload, 3);
    List<Received> copies = receiver.next(3);
    assertThat(copies).allSatisfy(c -> assertThat(c.body()).isEqualTo(copies.get(0).body()));

    String wamid = WebhookPayloads.newWamid();
    JsonObject delivered =
        WebhookPayloads.single(
            WABA, new Messages(PNID, DISPLAY).add(Status.delivered(wamid, ANA)).change());
    JsonObject read =
        WebhookPayloads.single(
            WABA, new Messages(PNID, DISPLAY).add(Status.read(wamid, ANA)).change());
    sender.sendAll(List.of(delivered, read), Order.REVERSED, 0);
    assertThat(value(receiver.next()).getJsonArray("statuses").getJsonObject(0).getString("status"))
        .isEqualTo("read");
    assertThat(value(receiver.next()).getJsonArray("statuses").getJsonObject(0).getString("status"))
        .isEqualTo("delivered");

    JsonObject batch =
        WebhookPayloads.merge(
            WebhookPayloads.single(
                WABA,
                new Messages(PNID, DISPLAY)
                    .add(Inbound.text(ANA, "one"))
                    .add(Inbound.image(ANA, "123", "image/jpeg", "abc", "two"))
                    .add(Status.sent(wamid, ANA))
                    .change()),
            WebhookPayloads.single(
                "999",
                new Messages("888", "15559999999").add(Inbound.requestWelcome(ANA)).change()));
    sender.send(batch);
    JsonObject merged = receiver.next().json();
    assertThat(merged.getJsonArray("entry")).hasSize(2);
    JsonObject firstValue =
        merged
            .getJsonArray("entry")
            .getJsonObject(0)
            .getJsonArray("changes")
            .getJsonObject(0)
            .getJsonObject("value");
    assertThat(firstValue.getJsonArray("messages")).hasSize(2);
    assertThat(firstValue.getJsonArray("contacts")).as("one contact per user").hasSize(1);
    assertThat(firstValue.getJsonArray("statuses")).hasSize(1);
  }

  @Test
  void inboundShapesCarryIdentityAndUsernameUsersHaveNoPhone() throws Exception {
    Customer username = Customer.usernameOnly("BR.98765abc", "joao_p", "João");
    JsonObject payload =
        WebhookPayloads.single(
            WABA,
            new Messages(PNID, DISPLAY)
                .add(Inbound.buttonReply(ANA, "yes", "Yes").replyTo("wamid.PREV"))
                .add(Inbound.listReply(ANA, "row1", "Row", "desc"))
                .add(Inbound.reaction(ANA, "wamid.PREV", "👍"))
                .add(Inbound.location(ANA, 52.52, 13.405, "Berlin", null))
                .add(Inbound.contacts(ANA, "Bob Baker", "+49 30 123", "4930123"))
                .add(Inbound.order(ANA, "cat1", "sku-1", 2, 3.5, "EUR"))
                .add(Inbound.userChangedNumber(ANA, "4915199999999"))
                .add(Inbound.unsupported(ANA))
                .add(Inbound.text(username, "Olá"))
                .change());
    sender.send(payload);

    JsonObject value = value(receiver.next());
    assertThat(value.getJsonObject("metadata").getString("phone_number_id")).isEqualTo(PNID);
    var contacts = value.getJsonArray("contacts");
    assertThat(contacts.getJsonObject(0).getString("wa_id")).isEqualTo("4915112345678");
    assertThat(contacts.getJsonObject(0).getString("user_id")).isEqualTo("DE.1234567890");
    assertThat(contacts.getJsonObject(1).containsKey("wa_id")).isFalse();
    assertThat(contacts.getJsonObject(1).getJsonObject("profile").getString("username"))
        .isEqualTo("joao_p");
    var messages = value.getJsonArray("messages");
    JsonObject button = messages.getJsonObject(0);
    assertThat(button.getJsonObject("interactive").getJsonObject("button_reply").getString("id"))
        .isEqualTo("yes");
    assertThat(button.getJsonObject("context").getString("id")).isEqualTo("wamid.PREV");
    assertThat(messages.getJsonObject(7).getJsonArray("errors").getJsonObject(0).getInt("code"))
        .isEqualTo(131051);
    JsonObject fromUsername = messages.getJsonObject(8);
    assertThat(fromUsername.containsKey("from")).isFalse();
    assertThat(fromUsername.getString("from_user_id")).isEqualTo("BR.98765abc");
  }

  @Test
  void sentMessagesWalkThroughSentDeliveredReadWithPricing() throws Exception {
    sim.setAutoStatuses(MetaSimulator.AutoStatuses.READ);
    String token = sim.connectNumber(WABA, PNID, DISPLAY, "Kreta Bakery");
    String wamid =
        new Graph(sim.graphUrl())
            .post(
                "/" + PNID + "/messages",
                token,
                "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getString("id");

    List<Received> three = receiver.next(3);
    assertThat(three).allSatisfy(r -> assertThat(r.signedWith(SECRET)).isTrue());
    assertThat(three)
        .extracting(r -> value(r).getJsonArray("statuses").getJsonObject(0))
        .allSatisfy(
            s -> {
              assertThat(s.getString("id")).isEqualTo(wamid);
              assertThat(s.getString("recipient_id")).isEqualTo("4915112345678");
              assertThat(s.getJsonObject("pricing").getString("category")).isEqualTo("service");
              assertThat(s.getJsonObject("pricing").getString("pricing_model")).isEqualTo("PMP");
            })
        .extracting(s -> s.getString("status"))
        .containsExactly("sent", "delivered", "read");
  }

  @Test
  void outsideTheWindowAMessageIsAcceptedThenFails131047() throws Exception {
    sim.setServiceWindow(MetaSimulator.ServiceWindow.FAILED_STATUS);
    sim.setAutoStatuses(MetaSimulator.AutoStatuses.DELIVERED);
    String token = sim.connectNumber(WABA, PNID, DISPLAY, "Kreta Bakery");

    var answer =
        new Graph(sim.graphUrl())
            .post(
                "/" + PNID + "/messages",
                token,
                "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}");

    assertThat(answer.status()).isEqualTo(200);
    JsonObject status = value(receiver.next()).getJsonArray("statuses").getJsonObject(0);
    assertThat(status.getString("status")).isEqualTo("failed");
    assertThat(status.getJsonArray("errors").getJsonObject(0).getInt("code")).isEqualTo(131047);
    receiver.assertQuietFor(150);
  }

  @Test
  void aFailedStatusFaultAndUnreachableRecipientsFailAfterAcceptance() throws Exception {
    String token = sim.connectNumber(WABA, PNID, DISPLAY, "Kreta Bakery");
    Graph graph = new Graph(sim.graphUrl());
    String send =
        "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";

    sim.inject(Fault.failedStatus(131049));
    assertThat(graph.get("/" + PNID, token).status())
        .as("not consumed by other calls")
        .isEqualTo(200);
    assertThat(graph.post("/" + PNID + "/messages", token, send).status()).isEqualTo(200);
    JsonObject withheld = value(receiver.next()).getJsonArray("statuses").getJsonObject(0);
    assertThat(withheld.getString("status")).isEqualTo("failed");
    assertThat(withheld.getJsonArray("errors").getJsonObject(0).getInt("code")).isEqualTo(131049);

    sim.setUnreachable("4915112345678", true);
    assertThat(graph.post("/" + PNID + "/messages", token, send).status()).isEqualTo(200);
    JsonObject undeliverable = value(receiver.next()).getJsonArray("statuses").getJsonObject(0);
    assertThat(undeliverable.getJsonArray("errors").getJsonObject(0).getInt("code"))
        .isEqualTo(131026);
  }

  @Test
  void aCustomerReplyPostsTheInboundWebhookOnlyWhileSubscribed() throws Exception {
    sim.connectNumber(WABA, PNID, DISPLAY, "Kreta Bakery");

    String wamid = sim.customerWrites(PNID, ANA, "Wann habt ihr offen? 🥐");

    Received r = receiver.next();
    assertThat(r.signedWith(SECRET)).isTrue();
    JsonObject message = value(r).getJsonArray("messages").getJsonObject(0);
    assertThat(message.getString("id")).isEqualTo(wamid);
    assertThat(message.getString("from")).isEqualTo("4915112345678");
    assertThat(message.getJsonObject("text").getString("body"))
        .isEqualTo("Wann habt ihr offen? 🥐");

    sim.unsubscribeApp(WABA);
    sim.customerWrites(PNID, ANA, "Hallo?");
    receiver.assertQuietFor(200);
  }

  @Test
  void unacknowledgedWebhooksAreRetried() throws Exception {
    sim.connectNumber(WABA, PNID, DISPLAY, "Kreta Bakery");
    receiver.answerWith(500);

    String wamid = sim.customerWrites(PNID, ANA, "retry me");

    List<Received> attempts = receiver.next(2);
    assertThat(attempts).allSatisfy(a -> assertThat(a.text()).contains(wamid));
  }

  @Test
  void templateStatusAndQualityChangesAreNotified() throws Exception {
    sim.connectNumber(WABA, PNID, DISPLAY, "Kreta Bakery");
    sim.addTemplate(
        WABA,
        "order_ready",
        "de",
        "UTILITY",
        "PENDING",
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("type", "BODY").add("text", "Fertig"))
            .build());

    sim.setTemplateStatus("order_ready", "de", "REJECTED", "INVALID_FORMAT");
    JsonObject template =
        receiver
            .next()
            .json()
            .getJsonArray("entry")
            .getJsonObject(0)
            .getJsonArray("changes")
            .getJsonObject(0);
    assertThat(template.getString("field")).isEqualTo("message_template_status_update");
    assertThat(template.getJsonObject("value").getString("event")).isEqualTo("REJECTED");
    assertThat(template.getJsonObject("value").getString("reason")).isEqualTo("INVALID_FORMAT");

    sim.setQuality(PNID, "RED");
    JsonObject quality =
        receiver
            .next()
            .json()
            .getJsonArray("entry")
            .getJsonObject(0)
            .getJsonArray("changes")
            .getJsonObject(0);
    assertThat(quality.getString("field")).isEqualTo("phone_number_quality_update");
    assertThat(quality.getJsonObject("value").getString("event")).isEqualTo("FLAGGED");
  }
}
