package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for KretaNote's webhook endpoint: keeps the raw bytes and headers of every POST and
 * verifies the signature on those bytes on its own (not with the simulator's code).
 */
final class WebhookReceiver implements AutoCloseable {

  record Received(byte[] body, String signature, String contentType) {

    JsonObject json() {
      return MetaJson.parseObject(body);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean signedWith(String secret) {
      if (signature == null) {
        return false;
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile int answer = 200;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/webhooks/whatsapp",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  body,
                  exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                  exchange.getRequestHeaders().getFirst("Content-Type")));
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/whatsapp");
  }

  void answerWith(int status) {
    answer = status;
  }

  Received next() throws InterruptedException {
    Received r = received.poll(5, TimeUnit.SECONDS);
    assertThat(r).as("a webhook within 5 s").isNotNull();
    return r;
  }

  List<Received> next(int count) throws InterruptedException {
    List<Received> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(next());
    }
    return all;
  }

  /** Nothing more arrives within the given time. */
  void assertQuietFor(long millis) throws InterruptedException {
    assertThat(received.poll(millis, TimeUnit.MILLISECONDS)).isNull();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
