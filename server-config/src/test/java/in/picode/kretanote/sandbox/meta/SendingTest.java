package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Graph.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendingTest {

  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";
  static final String CUSTOMER = "4915112345678";

  MetaSimulator sim;
  Graph graph;
  String token;

  @BeforeEach
  void start() throws Exception {
    sim = MetaSimulator.builder().appSecret("s").throughputPerSecond(1000).start();
    graph = new Graph(sim.graphUrl());
    token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  Answer send(String json) {
    return graph.post("/" + PNID + "/messages", token, json);
  }

  static String text(String to, String body) {
    return Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("recipient_type", "individual")
        .add("to", to)
        .add("type", "text")
        .add("text", Json.createObjectBuilder().add("body", body))
        .build()
        .toString();
  }

  static String template(String name, String lang, String... bodyParams) {
    var params = Json.createArrayBuilder();
    for (String p : bodyParams) {
      params.add(Json.createObjectBuilder().add("type", "text").add("text", p));
    }
    return Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("to", CUSTOMER)
        .add("type", "template")
        .add(
            "template",
            Json.createObjectBuilder()
                .add("name", name)
                .add("language", Json.createObjectBuilder().add("code", lang))
                .add(
                    "components",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("type", "body")
                                .add("parameters", params))))
        .build()
        .toString();
  }

  static JsonArray bodyComponent(String text) {
    return Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("type", "BODY").add("text", text))
        .build();
  }

  @Test
  void acceptedTextAnswersMetasShapeAndIsRecorded() {
    Answer a = send(text("+49 151 12345678", "Hallo 👋"));

    assertThat(a.status()).isEqualTo(200);
    JsonObject json = a.json();
    assertThat(json.getString("messaging_product")).isEqualTo("whatsapp");
    assertThat(json.getJsonArray("contacts").getJsonObject(0).getString("input"))
        .isEqualTo("+49 151 12345678");
    assertThat(json.getJsonArray("contacts").getJsonObject(0).getString("wa_id"))
        .isEqualTo(CUSTOMER);
    JsonObject message = json.getJsonArray("messages").getJsonObject(0);
    assertThat(message.getString("id")).startsWith("wamid.");
    assertThat(message.getString("message_status")).isEqualTo("accepted");

    assertThat(sim.sentMessages(PNID))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.wamid()).isEqualTo(message.getString("id"));
              assertThat(m.request().getJsonObject("text").getString("body")).isEqualTo("Hallo 👋");
            });
  }

  @Test
  void injectedLatencyDelaysSendsAndTheRecordCountsEachAcceptedSendAndRefusal() {
    sim.setSendLatency(java.time.Duration.ofMillis(150));
    long started = System.nanoTime();
    assertThat(send(text(CUSTOMER, "one")).status()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
    sim.setSendLatency(java.time.Duration.ZERO);
    assertThat(send(text(CUSTOMER, "one")).status()).isEqualTo(200);
    assertThat(send(text(CUSTOMER, "two")).status()).isEqualTo(200);
    sim.setThroughput(PNID, 3);
    assertThat(send(text(CUSTOMER, "three")).errorCode()).isEqualTo(130429);

    SimState.SendRecord record = sim.sendRecord(PNID);
    assertThat(record.acceptedSends()).hasSize(3);
    assertThat(record.acceptedSends().get(0)[1])
        .as("the same message twice has the same fingerprint")
        .isEqualTo(record.acceptedSends().get(1)[1])
        .isNotEqualTo(record.acceptedSends().get(2)[1]);
    assertThat(record.acceptedSends().get(1)[0] - record.acceptedSends().get(0)[0])
        .as("microseconds between the first two")
        .isPositive();
    assertThat(record.refusedThroughput()).isEqualTo(1);
  }

  @Test
  void textOf4096CharactersPassesAnd4097IsRefused() {
    assertThat(send(text(CUSTOMER, "a".repeat(4096))).status()).isEqualTo(200);

    Answer tooLong = send(text(CUSTOMER, "a".repeat(4097)));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.errorCode()).isEqualTo(100);
    assertThat(sim.sentMessages(PNID)).hasSize(1);
  }

  @Test
  void missingRecipientTypeObjectOrProductIsRefused() {
    assertThat(
            send("{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}")
                .errorCode())
        .isEqualTo(100);
    assertThat(
            send("{\"messaging_product\":\"whatsapp\",\"to\":\""
                    + CUSTOMER
                    + "\",\"type\":\"image\"}")
                .errorCode())
        .isEqualTo(100);
    assertThat(send("{\"to\":\"" + CUSTOMER + "\",\"text\":{\"body\":\"x\"}}").errorCode())
        .isEqualTo(100);
    assertThat(send("{not json").errorCode()).isEqualTo(100);
    assertThat(sim.sentMessages(PNID)).isEmpty();
  }

  static String toUserId(String field, String id) {
    return Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("recipient_type", "individual")
        .add(field, id)
        .add("type", "text")
        .add("text", Json.createObjectBuilder().add("body", "hi"))
        .build()
        .toString();
  }

  @Test
  void aBusinessScopedUserIdGoesInRecipientAndIsAnsweredWithUserId() {
    Answer a = send(toUserId("recipient", "DE.1234567890"));

    assertThat(a.status()).isEqualTo(200);
    JsonObject contact = a.json().getJsonArray("contacts").getJsonObject(0);
    assertThat(contact.getString("user_id")).isEqualTo("DE.1234567890");
    assertThat(contact.containsKey("wa_id")).isFalse();
    assertThat(send(toUserId("recipient", "US.ENT.11815799212886844830")).status()).isEqualTo(200);
    assertThat(sim.sentMessages(PNID)).hasSize(2);
  }

  @Test
  void aUserIdInToAMalformedUserIdOrNoRecipientAtAllAreRefusedAndNothingIsSent() {
    assertThat(send(toUserId("to", "DE.1234567890")).errorCode()).isEqualTo(131009);
    assertThat(send(toUserId("recipient", "de.12345")).errorCode()).isEqualTo(131009);
    assertThat(send(toUserId("recipient", "DE.12-34")).errorCode()).isEqualTo(131009);
    assertThat(send(toUserId("recipient", "DE." + "1".repeat(129))).errorCode()).isEqualTo(131009);
    Answer neither =
        send("{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.errorCode()).isEqualTo(100);
    assertThat(neither.json().getJsonObject("error").containsKey("fbtrace_id")).isTrue();
    assertThat(sim.sentMessages(PNID)).isEmpty();
  }

  @Test
  void withBothToAndRecipientThePhoneNumberWins() {
    String both =
        Json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("to", CUSTOMER)
            .add("recipient", "DE.1234567890")
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", "hi"))
            .build()
            .toString();

    JsonObject contact = send(both).json().getJsonArray("contacts").getJsonObject(0);

    assertThat(contact.getString("input")).isEqualTo(CUSTOMER);
    assertThat(contact.getString("wa_id")).isEqualTo(CUSTOMER);
  }

  @Test
  void markAsReadSucceedsAndIsRecorded() {
    String inbound = sim.customerWrites(PNID, CUSTOMER, "hello");

    Answer a =
        send(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                + inbound
                + "\"}");

    assertThat(a.json().getBoolean("success")).isTrue();
    assertThat(sim.readReceipts(PNID))
        .singleElement()
        .satisfies(r -> assertThat(r.messageId()).isEqualTo(inbound));
  }

  @Test
  void templatesMustExistBeApprovedAndGetTheRightParameterCount() {
    sim.addTemplate(
        WABA,
        "order_ready",
        "de",
        "UTILITY",
        "PENDING",
        bodyComponent("Hallo {{1}}, Bestellung {{2}} ist fertig"));

    assertThat(send(template("no_such", "de")).errorCode()).isEqualTo(132001);
    assertThat(send(template("order_ready", "de", "Ana", "42")).errorCode())
        .as("pending")
        .isEqualTo(132001);

    sim.setTemplateStatus("order_ready", "de", "APPROVED", null);
    assertThat(send(template("order_ready", "en_US", "Ana", "42")).errorCode())
        .as("other language")
        .isEqualTo(132001);
    assertThat(send(template("order_ready", "de", "Ana")).errorCode()).isEqualTo(132000);
    assertThat(send(template("order_ready", "de", "Ana", "42")).status()).isEqualTo(200);

    sim.setTemplateStatus("order_ready", "de", "PAUSED", "LOW_QUALITY");
    assertThat(send(template("order_ready", "de", "Ana", "42")).errorCode()).isEqualTo(132015);
  }

  @Test
  void templatesAreCreatedPendingListedAndDeleted() {
    String create =
        "{\"name\":\"welcome\",\"language\":\"en_US\",\"category\":\"MARKETING\","
            + "\"components\":[{\"type\":\"BODY\",\"text\":\"Welcome {{1}}!\","
            + "\"example\":{\"body_text\":[[\"Ana\"]]}}]}";
    Answer created = graph.post("/" + WABA + "/message_templates", token, create);
    assertThat(created.json().getString("status")).isEqualTo("PENDING");
    assertThat(graph.post("/" + WABA + "/message_templates", token, create).errorCode())
        .as("duplicate")
        .isEqualTo(100);

    sim.setTemplateStatus("welcome", "en_US", "REJECTED", "INVALID_FORMAT");
    JsonObject listed =
        graph
            .get("/" + WABA + "/message_templates?name=welcome", token)
            .json()
            .getJsonArray("data")
            .getJsonObject(0);
    assertThat(listed.getString("status")).isEqualTo("REJECTED");
    assertThat(listed.getString("rejected_reason")).isEqualTo("INVALID_FORMAT");
    assertThat(listed.getString("id")).isEqualTo(created.json().getString("id"));

    assertThat(
            graph
                .delete("/" + WABA + "/message_templates?name=welcome", token)
                .json()
                .getBoolean("success"))
        .isTrue();
    assertThat(graph.get("/" + WABA + "/message_templates", token).json().getJsonArray("data"))
        .isEmpty();
  }

  @Test
  void sendingBeyondTheThroughputGets130429() throws Exception {
    sim.setThroughput(PNID, 5);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Answer>> sends = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        sends.add(CompletableFuture.supplyAsync(() -> send(text(CUSTOMER, "burst")), pool));
      }
      List<Answer> answers = sends.stream().map(CompletableFuture::join).toList();

      long accepted = answers.stream().filter(a -> a.status() == 200).count();
      List<Integer> errors =
          answers.stream().filter(a -> a.status() != 200).map(Answer::errorCode).toList();
      assertThat(accepted).isGreaterThanOrEqualTo(5);
      assertThat(errors).isNotEmpty().containsOnly(130429);
      assertThat(sim.sentMessages(PNID)).hasSize((int) accepted);
    } finally {
      pool.shutdownNow();
    }
    Thread.sleep(1100);
    assertThat(send(text(CUSTOMER, "after a second")).status()).isEqualTo(200);
  }

  @Test
  void theServiceWindowRefusesFreeFormAfter24HoursButNotTemplates() {
    sim.setServiceWindow(MetaSimulator.ServiceWindow.REJECT);
    sim.addTemplate(WABA, "hello", "en", "UTILITY", "APPROVED", bodyComponent("Hello"));

    assertThat(send(text(CUSTOMER, "cold")).errorCode()).isEqualTo(131047);
    assertThat(send(template("hello", "en")).status()).isEqualTo(200);

    sim.customerWrites(PNID, CUSTOMER, "hi there");
    assertThat(send(text(CUSTOMER, "warm")).status()).isEqualTo(200);

    sim.advanceClock(Duration.ofHours(24).plusMinutes(1));
    assertThat(send(text(CUSTOMER, "stale")).errorCode()).isEqualTo(131047);
  }

  @Test
  void anUnregisteredNumberCannotSend() {
    graph.post("/" + PNID + "/deregister", token, "");

    assertThat(send(text(CUSTOMER, "hi")).errorCode()).isEqualTo(133010);
  }

  @Test
  void interactiveAndMediaObjectsAreChecked() {
    String threeButtons =
        "{\"messaging_product\":\"whatsapp\",\"to\":\""
            + CUSTOMER
            + "\",\"type\":\"interactive\",\"interactive\":"
            + "{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},\"action\":{\"buttons\":["
            + "{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"A\"}},"
            + "{\"type\":\"reply\",\"reply\":{\"id\":\"b\",\"title\":\"B\"}},"
            + "{\"type\":\"reply\",\"reply\":{\"id\":\"c\",\"title\":\"C\"}}]}}}";
    assertThat(send(threeButtons).status()).isEqualTo(200);
    String unknownMedia =
        "{\"messaging_product\":\"whatsapp\",\"to\":\""
            + CUSTOMER
            + "\",\"type\":\"image\",\"image\":{\"id\":\"999\"}}";
    assertThat(send(unknownMedia).errorCode()).isEqualTo(131009);
  }

  static String interactive(String object) {
    return "{\"messaging_product\":\"whatsapp\",\"to\":\""
        + CUSTOMER
        + "\",\"type\":\"interactive\",\"interactive\":"
        + object
        + "}";
  }

  static String button(String id, String title) {
    return "{\"type\":\"reply\",\"reply\":{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}}";
  }

  @Test
  void interactiveLimitsAreMetasAnswer131009AndNothingIsSent() {
    String four =
        "{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},\"action\":{\"buttons\":["
            + String.join(
                ",", button("a", "A"), button("b", "B"), button("c", "C"), button("d", "D"))
            + "]}}";
    String longTitle =
        "{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},\"action\":{\"buttons\":["
            + button("a", "x".repeat(21))
            + "]}}";
    String sameTitles =
        "{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},\"action\":{\"buttons\":["
            + button("a", "Yes")
            + ","
            + button("b", "Yes")
            + "]}}";
    String longRow =
        "{\"type\":\"list\",\"body\":{\"text\":\"Pick\"},\"action\":{\"button\":\"Slots\","
            + "\"sections\":[{\"rows\":[{\"id\":\"1\",\"title\":\""
            + "y".repeat(25)
            + "\"}]}]}}";
    String longDescription =
        "{\"type\":\"list\",\"body\":{\"text\":\"Pick\"},\"action\":{\"button\":\"Slots\","
            + "\"sections\":[{\"rows\":[{\"id\":\"1\",\"title\":\"Mon\",\"description\":\""
            + "d".repeat(73)
            + "\"}]}]}}";
    String emptyList =
        "{\"type\":\"list\",\"body\":{\"text\":\"Pick\"},\"action\":{\"button\":\"Slots\","
            + "\"sections\":[{\"rows\":[]}]}}";

    for (String bad : List.of(four, longTitle, sameTitles, longRow, longDescription, emptyList)) {
      Answer a = send(interactive(bad));
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.errorCode()).as(bad).isEqualTo(131009);
    }
    String farAway =
        "{\"messaging_product\":\"whatsapp\",\"to\":\""
            + CUSTOMER
            + "\",\"type\":\"location\",\"location\":{\"latitude\":91,\"longitude\":0}}";
    assertThat(send(farAway).errorCode()).isEqualTo(131009);
    assertThat(sim.sentMessages(PNID)).isEmpty();
  }
}
