package in.picode.kretanote.sandbox.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentSimulatorTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  record Received(String signature, String body) {}

  PaymentSimulator sim;
  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          received.add(
              new Received(
                  ex.getRequestHeaders().getFirst("Stripe-Signature"),
                  new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
    sim =
        PaymentSimulator.start(
            0,
            "sk_test_1",
            "whsec_1",
            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.stop(0);
  }

  HttpResponse<String> post(String path, String form, String key, String auth) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (auth != null) {
      r.header("Authorization", auth);
    }
    if (key != null) {
      r.header("Idempotency-Key", key);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String field(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  void awaitWebhooks(int n) throws InterruptedException {
    for (int i = 0; i < 100 && received.size() < n; i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(received).hasSizeGreaterThanOrEqualTo(n);
  }

  @Test
  void cardsChargesIdempotencyAndSignedWebhooks() throws Exception {
    assertThat(post("/v1/customers", "name=A", null, "Bearer wrong").statusCode()).isEqualTo(401);
    String customer = field(post("/v1/customers", "name=A", null, "Bearer sk_test_1").body(), "id");
    assertThat(customer).startsWith("cus_");
    String session =
        field(
            post(
                    "/v1/checkout/sessions",
                    "mode=setup&customer=" + customer + "&success_url=http%3A%2F%2Fok",
                    null,
                    "Bearer sk_test_1")
                .body(),
            "id");
    assertThat(sim.completeCheckout(session, PaymentSimulator.GOOD_CARD)).isEqualTo("http://ok");
    awaitWebhooks(1);
    Received checkout = received.get(0);
    assertThat(checkout.body()).contains("checkout.session.completed").contains(customer);
    long t = Long.parseLong(checkout.signature().split(",")[0].substring(2));
    assertThat(checkout.signature())
        .isEqualTo(PaymentSimulator.signature("whsec_1", t, checkout.body()));
    String pm = field(checkout.body(), "payment_method");

    String charge =
        "amount=3451&currency=eur&customer="
            + customer
            + "&payment_method="
            + pm
            + "&metadata%5Binvoice_id%5D=7";
    HttpResponse<String> first = post("/v1/payment_intents", charge, "k1", "Bearer sk_test_1");
    HttpResponse<String> again = post("/v1/payment_intents", charge, "k1", "Bearer sk_test_1");
    assertThat(field(first.body(), "status")).isEqualTo("succeeded");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(first.body()).contains("\"invoice_id\":\"7\"");
    awaitWebhooks(2);
    assertThat(received.stream().filter(r -> r.body().contains("payment_intent.succeeded")))
        .hasSize(1);

    sim.completeCheckout(session, PaymentSimulator.DECLINING_CARD);
    awaitWebhooks(3);
    String declining = field(received.get(2).body(), "payment_method");
    HttpResponse<String> declined =
        post(
            "/v1/payment_intents",
            "amount=100&currency=eur&customer=" + customer + "&payment_method=" + declining,
            "k2",
            "Bearer sk_test_1");
    assertThat(field(declined.body(), "status")).isEqualTo("requires_payment_method");
    assertThat(declined.body()).contains("Your card was declined.");
    awaitWebhooks(4);
    assertThat(sim.resend(sim.sent().get(0).eventId())).isEqualTo(200);
    awaitWebhooks(5);
    assertThat(received.get(4).body()).isEqualTo(received.get(0).body());
  }
}
