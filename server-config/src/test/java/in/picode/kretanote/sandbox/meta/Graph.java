package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny Graph API client for the tests: real HTTP against the running simulator. */
final class Graph {

  /** One answer; {@code json} is null when the body is not a JSON object. */
  record Answer(int status, byte[] raw, JsonObject json, String contentType) {

    int errorCode() {
      return json.getJsonObject("error").getInt("code");
    }

    String text() {
      return new String(raw, StandardCharsets.UTF_8);
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  Graph(String base) {
    this.base = base;
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  Answer post(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer post(String path, String token, JsonObject json) {
    return post(path, token, json.toString());
  }

  Answer postBytes(String path, String token, String contentType, byte[] body) {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Answer getUrl(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.GET());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] raw = response.body();
      JsonObject json = MetaJson.tryParseObject(raw).filter(j -> raw.length > 0).orElse(null);
      return new Answer(
          response.statusCode(),
          raw,
          json,
          response.headers().firstValue("Content-Type").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
