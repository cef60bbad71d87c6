package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.sandbox.meta.Graph.Answer;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest {

  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";
  static final String TEXT =
      "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";

  MetaSimulator sim;
  Graph graph;
  Graph control;
  String token;

  @BeforeEach
  void start() throws Exception {
    sim = MetaSimulator.builder().appSecret("s").start();
    graph = new Graph(sim.graphUrl());
    control = new Graph(sim.baseUrl() + "/_sim");
    token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  Answer send() {
    return graph.post("/" + PNID + "/messages", token, TEXT);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        190, 131047, 131026, 130429, 131056, 131048, 133010, 4, 80007, 1, 2, 131000, 132000, 132001
      })
  void aMetaErrorFaultAnswersThatCodeInMetasEnvelopeOnce(int code) {
    sim.inject(Fault.metaError(code));

    Answer failed = send();

    assertThat(failed.status()).isGreaterThanOrEqualTo(400);
    var error = failed.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(code);
    assertThat(error.keySet())
        .containsExactly("message", "type", "code", "error_subcode", "error_data", "fbtrace_id");
    assertThat(error.getString("type")).isEqualTo("OAuthException");
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getJsonObject("error_data").getString("messaging_product"))
        .isEqualTo("whatsapp");
    assertThat(error.getJsonObject("error_data").getString("details")).isNotBlank();
    assertThat(error.getString("fbtrace_id")).isNotBlank();
    assertThat(send().status()).as("only the next call").isEqualTo(200);
    assertThat(sim.sentMessages(PNID)).hasSize(1);
  }

  @Test
  void rawHttpStatusesCountDownAndOnlyHitMatchingPaths() {
    sim.inject(Fault.httpStatus(429).times(2).onPath("/messages$"));
    sim.inject(Fault.httpStatus(500).onMethod("GET"));

    assertThat(graph.get("/" + PNID, token).status()).isEqualTo(500);
    assertThat(graph.get("/" + PNID, token).status()).isEqualTo(200);
    Answer first = send();
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.json()).as("no Meta envelope").isNull();
    assertThat(send().status()).isEqualTo(429);
    assertThat(send().status()).isEqualTo(200);
    assertThat(sim.pendingFaults()).isEmpty();
  }

  @Test
  void aDelayFaultSlowsTheAnswerThenAnswersNormally() {
    sim.inject(Fault.delay(Duration.ofMillis(400)));

    long start = System.nanoTime();
    Answer a = send();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(a.status()).isEqualTo(200);
    assertThat(millis).isGreaterThanOrEqualTo(400);
  }

  @Test
  void aDisconnectFaultClosesWithoutAnswer() {
    sim.inject(Fault.disconnect());

    assertThatThrownBy(this::send).isInstanceOf(UncheckedIOException.class);
    assertThat(send().status()).isEqualTo(200);
  }

  @Test
  void faultsCanBeDrivenOverHttpFromAnotherProcess() {
    Answer added =
        control.post(
            "/faults",
            null,
            "[{\"kind\":\"meta_error\",\"code\":131056,\"times\":2,\"path\":\"/messages$\"},"
                + "{\"kind\":\"http_status\",\"status\":503,\"method\":\"GET\"}]");
    assertThat(added.json().getJsonArray("faults")).hasSize(2);

    assertThat(send().errorCode()).isEqualTo(131056);
    assertThat(send().errorCode()).isEqualTo(131056);
    assertThat(graph.get("/" + PNID, token).status()).isEqualTo(503);
    assertThat(send().status()).isEqualTo(200);

    control.post("/faults", null, "{\"kind\":\"meta_error\",\"code\":2,\"times\":-1}");
    assertThat(send().errorCode()).isEqualTo(2);
    assertThat(send().errorCode()).isEqualTo(2);
    control.delete("/faults", null);
    assertThat(send().status()).isEqualTo(200);
  }

  @Test
  void aBadFaultIsRefusedWithAReason() {
    Answer bad = control.post("/faults", null, "{\"kind\":\"meta_error\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("error")).contains("code");
  }

  @Test
  void tokenRevocationQualityAndUnsubscribeOverHttp() {
    control.post(
        "/numbers/" + PNID, null, "{\"quality_rating\":\"YELLOW\",\"status\":\"FLAGGED\"}");
    var number = graph.get("/" + PNID + "?fields=quality_rating,status", token).json();
    assertThat(number.getString("quality_rating")).isEqualTo("YELLOW");
    assertThat(number.getString("status")).isEqualTo("FLAGGED");

    control.delete("/subscriptions/" + WABA, null);
    assertThat(graph.get("/" + WABA + "/subscribed_apps", token).json().getJsonArray("data"))
        .isEmpty();

    Answer revoked = control.post("/tokens/revoke", null, "{\"waba_id\":\"" + WABA + "\"}");
    assertThat(revoked.json().getInt("changed")).isEqualTo(1);
    assertThat(send().errorCode()).isEqualTo(190);
  }

  @Test
  void anExpiredTokenGets190WithSubcode463() {
    sim.expireToken(token);

    Answer a = send();

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json().getJsonObject("error").getInt("error_subcode")).isEqualTo(463);
  }
}
