package in.picode.kretanote.meta.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.meta.control.GraphSettings;
import in.picode.kretanote.sandbox.meta.Fault;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph client's sending calls against the Meta simulator: send, mark as read, media upload,
 * templates with paging, and above all which failures may have reached Meta (a send must never be
 * repeated blindly after one of those).
 */
class GraphSendingTest {

  static final String APP_ID = "100000000000078";
  static MetaSimulator sim;
  static GraphApi graph;

  String waba;
  String pnid;
  AccessToken token;

  @BeforeAll
  static void start() throws Exception {
    sim = MetaSimulator.builder().appId(APP_ID).appSecret("unit-secret").start();
    graph = client(sim.baseUrl());
  }

  static GraphApi client(String baseUrl) {
    return new GraphApi(
        new GraphSettings(
            baseUrl,
            "v23.0",
            APP_ID,
            "unit-secret",
            Duration.ofSeconds(2),
            Duration.ofMillis(1500)));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void number() {
    waba = "1" + System.nanoTime() % 1_000_000_000_000L;
    pnid = "2" + System.nanoTime() % 1_000_000_000_000L;
    sim.clearFaults();
    token = graph.exchangeCode(sim.issueSignupCode(waba, pnid, "+1 555 0100 300", "Acme"));
    graph.register(token, pnid, "123456");
  }

  static JsonObject text(String to, String body) {
    return Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("recipient_type", "individual")
        .add("to", to)
        .add("type", "text")
        .add("text", Json.createObjectBuilder().add("body", body))
        .build();
  }

  @Test
  void aSendAnswersTheWamidAndMarkReadReachesMeta() {
    AcceptedMessage accepted = graph.sendMessage(token, pnid, text("4915112345678", "Hallo"));
    assertThat(accepted.wamid()).startsWith("wamid.");
    assertThat(accepted.waId()).isEqualTo("4915112345678");
    assertThat(sim.sentMessages(pnid)).hasSize(1);

    graph.markRead(token, pnid, "wamid.CUSTOMER1");
    assertThat(sim.readReceipts(pnid))
        .extracting(r -> r.messageId())
        .containsExactly("wamid.CUSTOMER1");
    assertThatThrownBy(() -> graph.markRead(token, pnid, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusalCarriesMetasCodeAndDidNotArrive() {
    sim.inject(Fault.metaError(131026));
    assertThatThrownBy(() -> graph.sendMessage(token, pnid, text("4915112345678", "x")))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.code()).contains(131026);
              assertThat(e.mayHaveArrived()).isFalse();
            });
  }

  @Test
  void aTimeoutMayHaveArrived() {
    sim.inject(Fault.delay(Duration.ofMillis(2500)));
    assertThatThrownBy(() -> graph.sendMessage(token, pnid, text("4915112345678", "slow")))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.mayHaveArrived()).isTrue();
              assertThat(e.httpStatus()).isZero();
              assertThat(e.getMessage()).doesNotContain(token.value());
            });
    // The simulator took it after all: exactly why the sender must not resend.
    sleep(1500);
    assertThat(sim.sentMessages(pnid)).hasSize(1);
  }

  @Test
  void aDroppedConnectionMayHaveArrived() {
    sim.inject(Fault.disconnect());
    assertThatThrownBy(() -> graph.sendMessage(token, pnid, text("4915112345678", "dropped")))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.mayHaveArrived()).isTrue());
  }

  @Test
  void aRefusedConnectionNeverArrived() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GraphApi nowhere = client("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> nowhere.sendMessage(token, pnid, text("4915112345678", "x")))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.mayHaveArrived()).isFalse();
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            });
  }

  @Test
  void mediaUploadAnswersAnIdAndRefusesUnknownTypes() {
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    String id = graph.uploadMedia(token, pnid, pdf, "application/pdf", "in\"voice.pdf");
    assertThat(id).isNotBlank();
    assertThat(sim.media(id)).isPresent();
    assertThat(sim.media(id).get().bytes()).isEqualTo(pdf);
    assertThatThrownBy(() -> graph.uploadMedia(token, pnid, pdf, "application/x-evil", "x"))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).contains(131053));
    assertThatThrownBy(() -> graph.uploadMedia(token, pnid, new byte[0], "image/png", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> graph.uploadMedia(token, pnid, pdf, "text/plain\r\nX: y", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templatesAreListedAcrossPagesCreatedAndDeleted() {
    JsonArray body =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("type", "BODY")
                    .add("text", "Hi {{1}}")
                    .add(
                        "example",
                        Json.createObjectBuilder()
                            .add(
                                "body_text",
                                Json.createArrayBuilder()
                                    .add(Json.createArrayBuilder().add("Ann")))))
            .build();
    for (int i = 0; i < 130; i++) {
      sim.addTemplate(waba, "seeded_" + i, "en_US", "UTILITY", "APPROVED", body);
    }
    String created =
        graph.createTemplate(
            token,
            waba,
            Json.createObjectBuilder()
                .add("name", "fresh_offer")
                .add("language", "de")
                .add("category", "MARKETING")
                .add("components", body)
                .build());
    assertThat(created).isNotBlank();
    var all = graph.templates(token, waba);
    assertThat(all).hasSize(131);
    assertThat(all)
        .filteredOn(t -> t.name().equals("fresh_offer"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo("PENDING");
              assertThat(t.category()).isEqualTo("MARKETING");
              assertThat(t.reason()).isNull();
              assertThat(t.id()).isEqualTo(created);
            });
    graph.deleteTemplate(token, waba, "fresh_offer");
    assertThat(graph.templates(token, waba)).hasSize(130);
    assertThatThrownBy(() -> graph.deleteTemplate(token, waba, "Bad Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
