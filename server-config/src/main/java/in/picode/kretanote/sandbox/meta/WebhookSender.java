package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs webhook payloads to a callback URL as Meta does: the exact bytes, signed with {@code
 * X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the bytes keyed with the app secret>} (plus the
 * legacy SHA-1 header). Payloads are serialised in Meta's escaped ASCII form unless raw bytes are
 * given. Options reproduce what receivers meet in practice: wrong or missing signatures, the same
 * payload several times, payloads out of order.
 */
public final class WebhookSender {

  public enum Signing {
    CORRECT,
    WRONG,
    MISSING
  }

  public enum Order {
    AS_GIVEN,
    REVERSED,
    SHUFFLED
  }

  /**
   * One POST: what was sent and what came back; {@code status} is -1 when the callback could not be
   * reached ({@code error} then says why).
   */
  public record Delivery(
      URI target, byte[] body, String signature, int status, String response, String error) {

    public boolean acknowledged() {
      return status >= 200 && status < 300;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final URI callback;
  private final String appSecret;
  private final HttpClient client;

  public WebhookSender(URI callback, String appSecret) {
    if (appSecret == null || appSecret.isEmpty()) {
      throw new IllegalArgumentException("the app secret is required to sign webhooks");
    }
    this.callback = callback;
    this.appSecret = appSecret;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public URI callback() {
    return callback;
  }

  /** {@code sha256=<hex>} of the body keyed with the secret, exactly Meta's header value. */
  public static String signature(byte[] body, String appSecret) {
    return "sha256=" + hmac("HmacSHA256", body, appSecret);
  }

  public Delivery send(JsonObject payload) {
    return send(payload, Signing.CORRECT);
  }

  public Delivery send(JsonObject payload, Signing signing) {
    return sendBytes(MetaJson.bytes(payload), signing);
  }

  /** Sends these exact bytes (for hand-written payloads with particular escapes). */
  public Delivery sendBytes(byte[] body, Signing signing) {
    return sendBytes(callback, body, signing);
  }

  /** The same payload {@code times} times, as Meta's at-least-once delivery does. */
  public List<Delivery> sendRepeatedly(JsonObject payload, int times) {
    List<Delivery> deliveries = new ArrayList<>();
    byte[] body = MetaJson.bytes(payload);
    for (int i = 0; i < times; i++) {
      deliveries.add(sendBytes(body, Signing.CORRECT));
    }
    return deliveries;
  }

  /** Several payloads, one POST each, in the given order ({@code seed} for SHUFFLED). */
  public List<Delivery> sendAll(List<JsonObject> payloads, Order order, long seed) {
    List<JsonObject> ordered = new ArrayList<>(payloads);
    switch (order) {
      case REVERSED -> Collections.reverse(ordered);
      case SHUFFLED -> Collections.shuffle(ordered, new Random(seed));
      case AS_GIVEN -> {}
    }
    return ordered.stream().map(this::send).toList();
  }

  Delivery sendBytes(URI target, byte[] body, Signing signing) {
    if (target == null) {
      throw new IllegalStateException("no callback URL configured");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "facebookexternalua")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    String signature = null;
    if (signing != Signing.MISSING) {
      String secret = signing == Signing.CORRECT ? appSecret : appSecret + "-wrong";
      signature = signature(body, secret);
      request
          .header("X-Hub-Signature-256", signature)
          .header("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", body, secret));
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Delivery(target, body, signature, response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Delivery(target, body, signature, -1, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery(target, body, signature, -1, null, "interrupted");
    }
  }

  private static String hmac(String algorithm, byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
