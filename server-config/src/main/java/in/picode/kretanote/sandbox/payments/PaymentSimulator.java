package in.picode.kretanote.sandbox.payments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Stripe, enough for KretaNote's billing: customers, Checkout sessions in
 * setup mode (a card form at {@code /checkout/<id>}), off-session payment intents honouring {@code
 * Idempotency-Key}, refunds, and webhooks signed like Stripe ({@code Stripe-Signature:
 * t=...,v1=HMAC-SHA256(secret, t + "." + body)}) posted back to the application.
 *
 * <p>Test cards: {@code 4242424242424242} pays; {@code 4000000000000341} is saved but every charge
 * to it is declined (Stripe's own test card for that). Control API for tests under {@code /_sim}:
 * complete a checkout, attach a card, list the webhooks sent, resend one (a replay), set the
 * webhook URL.
 */
public final class PaymentSimulator implements AutoCloseable {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String DECLINING_CARD = "4000000000000341";
  public static final String GOOD_CARD = "4242424242424242";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;
  private final String apiKey;
  private final String webhookSecret;
  private volatile String webhookUrl;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "payment-simulator-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<String, Map<String, String>> customers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> cards = new ConcurrentHashMap<>();
  private final Map<String, String> idempotent = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> intents = new ConcurrentHashMap<>();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  /** A webhook as sent: the event, the body bytes and the delivery's HTTP status (0: failed). */
  public record Sent(String eventId, String type, String body, int status) {}

  private PaymentSimulator(int port, String apiKey, String webhookSecret, String webhookUrl)
      throws IOException {
    this.apiKey = apiKey;
    this.webhookSecret = webhookSecret;
    this.webhookUrl = webhookUrl;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "payment-simulator");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  public static PaymentSimulator start(
      int port, String apiKey, String webhookSecret, String webhookUrl) throws IOException {
    return new PaymentSimulator(port, apiKey, webhookSecret, webhookUrl);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void webhookUrl(String url) {
    this.webhookUrl = url;
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /**
   * Completes a Checkout session as a person typing {@code card} would; returns the success URL.
   */
  public String completeCheckout(String sessionId, String card) {
    Map<String, String> s = sessions.get(sessionId);
    if (s == null) {
      throw new IllegalArgumentException("No checkout session " + sessionId);
    }
    String pm = "pm_" + random();
    cards.put(pm, card);
    customers.get(s.get("customer")).put("payment_method", pm);
    s.put("status", "complete");
    JsonObject object =
        JSON.createObjectBuilder()
            .add("id", sessionId)
            .add("object", "checkout.session")
            .add("mode", "setup")
            .add("status", "complete")
            .add("customer", s.get("customer"))
            .add("payment_method", pm)
            .add(
                "card",
                JSON.createObjectBuilder()
                    .add("brand", card.startsWith("4") ? "visa" : "card")
                    .add("last4", card.substring(Math.max(0, card.length() - 4))))
            .build();
    send("checkout.session.completed", object);
    return s.get("success_url");
  }

  /** Re-delivers an event exactly as it was, with a fresh signature: a replay. */
  public int resend(String eventId) {
    for (Sent s : sent) {
      if (s.eventId().equals(eventId)) {
        return deliver(s.eventId(), s.type(), s.body());
      }
    }
    throw new IllegalArgumentException("No event " + eventId);
  }

  private void send(String type, JsonObject object) {
    String id = "evt_" + random();
    String body =
        JSON.createObjectBuilder()
            .add("id", id)
            .add("object", "event")
            .add("type", type)
            .add("created", System.currentTimeMillis() / 1000)
            .add("data", JSON.createObjectBuilder().add("object", object))
            .build()
            .toString();
    sender.submit(() -> deliver(id, type, body));
  }

  private int deliver(String id, String type, String body) {
    String url = webhookUrl;
    int status = 0;
    if (url != null) {
      for (int attempt = 0; attempt < 3 && status / 100 != 2; attempt++) {
        long t = System.currentTimeMillis() / 1000;
        try {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/json")
                      .header("Stripe-Signature", signature(webhookSecret, t, body))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          status = r.statusCode();
        } catch (IOException e) {
          status = 0;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    sent.add(new Sent(id, type, body, status));
    return status;
  }

  /** Stripe's scheme: {@code t=<seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. */
  public static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      byte[] raw = ex.getRequestBody().readAllBytes();
      Map<String, String> form = form(new String(raw, StandardCharsets.UTF_8));
      if (path.startsWith("/checkout/")) {
        checkoutPage(ex, method, path.substring("/checkout/".length()), form);
        return;
      }
      if (path.startsWith("/_sim/")) {
        control(ex, method, path, raw);
        return;
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.equals("Bearer " + apiKey)) {
        error(ex, 401, "Invalid API Key provided");
        return;
      }
      if (!method.equals("POST")) {
        error(ex, 405, "Only POST is simulated");
        return;
      }
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      if (key != null && idempotent.containsKey(path + "|" + key)) {
        json(ex, 200, idempotent.get(path + "|" + key));
        return;
      }
      String answer;
      switch (path) {
        case "/v1/customers" -> {
          String id = "cus_" + random();
          Map<String, String> c = new ConcurrentHashMap<>();
          c.put("name", form.getOrDefault("name", ""));
          customers.put(id, c);
          answer =
              JSON.createObjectBuilder().add("id", id).add("object", "customer").build().toString();
        }
        case "/v1/checkout/sessions" -> {
          String customer = form.get("customer");
          if (customer == null || !customers.containsKey(customer)) {
            error(ex, 400, "No such customer: " + customer);
            return;
          }
          String id = "cs_" + random();
          Map<String, String> s = new ConcurrentHashMap<>();
          s.put("customer", customer);
          s.put("success_url", form.getOrDefault("success_url", ""));
          s.put("cancel_url", form.getOrDefault("cancel_url", ""));
          s.put("status", "open");
          sessions.put(id, s);
          answer =
              JSON.createObjectBuilder()
                  .add("id", id)
                  .add("object", "checkout.session")
                  .add("url", baseUrl() + "/checkout/" + id)
                  .build()
                  .toString();
        }
        case "/v1/payment_intents" -> {
          JsonObject pi = paymentIntent(form);
          if (pi == null) {
            error(ex, 400, "Invalid customer, payment method or amount");
            return;
          }
          answer = pi.toString();
        }
        case "/v1/refunds" -> {
          JsonObject pi = intents.get(form.getOrDefault("payment_intent", ""));
          if (pi == null || !"succeeded".equals(pi.getString("status"))) {
            error(ex, 400, "No succeeded payment intent to refund");
            return;
          }
          answer =
              JSON.createObjectBuilder()
                  .add("id", "re_" + random())
                  .add("object", "refund")
                  .add("payment_intent", pi.getString("id"))
                  .add("amount", Long.parseLong(form.getOrDefault("amount", "0")))
                  .add("status", "succeeded")
                  .build()
                  .toString();
        }
        default -> {
          error(ex, 404, "Unrecognized request URL (POST: " + path + ")");
          return;
        }
      }
      if (key != null) {
        idempotent.put(path + "|" + key, answer);
      }
      json(ex, 200, answer);
    } catch (RuntimeException e) {
      error(ex, 500, "Simulator error: " + e);
    }
  }

  private JsonObject paymentIntent(Map<String, String> form) {
    String customer = form.get("customer");
    String pm = form.get("payment_method");
    long amount;
    try {
      amount = Long.parseLong(form.getOrDefault("amount", ""));
    } catch (NumberFormatException e) {
      return null;
    }
    if (customer == null
        || !customers.containsKey(customer)
        || pm == null
        || !cards.containsKey(pm)
        || amount < 1) {
      return null;
    }
    String card = cards.get(pm);
    boolean declined = card.equals(DECLINING_CARD);
    JsonObjectBuilder metadata = JSON.createObjectBuilder();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("metadata[") && k.endsWith("]")) {
            metadata.add(k.substring(9, k.length() - 1), v);
          }
        });
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("id", "pi_" + random())
            .add("object", "payment_intent")
            .add("amount", amount)
            .add("currency", form.getOrDefault("currency", "eur"))
            .add("customer", customer)
            .add("payment_method", pm)
            .add("metadata", metadata)
            .add("status", declined ? "requires_payment_method" : "succeeded");
    if (declined) {
      b.add(
          "last_payment_error",
          JSON.createObjectBuilder()
              .add("code", "card_declined")
              .add("decline_code", "generic_decline")
              .add("message", "Your card was declined."));
    }
    JsonObject pi = b.build();
    intents.put(pi.getString("id"), pi);
    send(declined ? "payment_intent.payment_failed" : "payment_intent.succeeded", pi);
    return pi;
  }

  private void checkoutPage(HttpExchange ex, String method, String id, Map<String, String> form)
      throws IOException {
    Map<String, String> s = sessions.get(id);
    if (s == null) {
      html(ex, 404, "<h1>No such checkout session</h1>");
      return;
    }
    if (method.equals("POST")) {
      String card = form.getOrDefault("card", "").replace(" ", "");
      if (!card.matches("\\d{12,19}")) {
        html(ex, 400, "<h1>Enter a card number</h1>");
        return;
      }
      String success = completeCheckout(id, card);
      ex.getResponseHeaders().add("Location", success);
      ex.sendResponseHeaders(303, -1);
      return;
    }
    html(
        ex,
        200,
        "<h1>Payment simulator: save a card</h1><form method='post'>"
            + "<label>Card number <input name='card' value='"
            + GOOD_CARD
            + "'></label> <button>Save card</button></form>"
            + "<p>4242 4242 4242 4242 pays; 4000 0000 0000 0341 is saved but declined.</p>"
            + "<p><a href='"
            + s.get("cancel_url").replace("'", "%27")
            + "'>Cancel</a></p>");
  }

  private void control(HttpExchange ex, String method, String path, byte[] raw) throws IOException {
    JsonObject body = raw.length == 0 ? JSON.createObjectBuilder().build() : parse(raw);
    if (path.equals("/_sim/events") && method.equals("GET")) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      for (Sent s : sent) {
        a.add(
            JSON.createObjectBuilder()
                .add("id", s.eventId())
                .add("type", s.type())
                .add("status", s.status())
                .add("body", s.body()));
      }
      json(ex, 200, JSON.createObjectBuilder().add("data", a).build().toString());
    } else if (path.equals("/_sim/webhook-url") && method.equals("POST")) {
      webhookUrl = body.getString("url");
      json(ex, 200, "{}");
    } else if (path.matches("/_sim/checkout/[^/]+/complete") && method.equals("POST")) {
      String id = path.split("/")[3];
      completeCheckout(id, body.getString("card", GOOD_CARD));
      json(ex, 200, "{}");
    } else if (path.matches("/_sim/events/[^/]+/resend") && method.equals("POST")) {
      int status = resend(path.split("/")[3]);
      json(ex, 200, JSON.createObjectBuilder().add("status", status).build().toString());
    } else if (path.matches("/_sim/customers/[^/]+/card") && method.equals("POST")) {
      String customer = path.split("/")[3];
      Map<String, String> c = customers.get(customer);
      if (c == null) {
        error(ex, 404, "No such customer");
        return;
      }
      String pm = "pm_" + random();
      cards.put(pm, body.getString("card", GOOD_CARD));
      c.put("payment_method", pm);
      json(ex, 200, JSON.createObjectBuilder().add("payment_method", pm).build().toString());
    } else {
      error(ex, 404, "Unknown control call " + method + " " + path);
    }
  }

  private static JsonObject parse(byte[] raw) {
    try (JsonReader r =
        JSON.createReader(new StringReader(new String(raw, StandardCharsets.UTF_8)))) {
      return r.readObject();
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> m = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return m;
    }
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      m.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return m;
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    json(
        ex,
        status,
        JSON.createObjectBuilder()
            .add("error", JSON.createObjectBuilder().add("message", message))
            .build()
            .toString());
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private static void html(HttpExchange ex, int status, String body) throws IOException {
    byte[] b =
        ("<!doctype html><html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private static String random() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Customer ids created so far (for tests). */
  public List<String> customers() {
    return new ArrayList<>(customers.keySet());
  }

  @Override
  public void close() {
    server.stop(0);
    sender.shutdownNow();
  }
}
