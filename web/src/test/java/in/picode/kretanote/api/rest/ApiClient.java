package in.picode.kretanote.api.rest;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.testing.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/** Calls of the public API as an integrator makes them, and keys put straight into the table. */
public final class ApiClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final SecureRandom RANDOM = new SecureRandom();

  final URI base;
  final String token;

  public ApiClient(URL base, String token) {
    this.base = URI.create(base.toString()).resolve("api/v1/");
    this.token = token;
  }

  public record Answer(int status, String body, HttpResponse<String> raw) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String type() {
      return header("Content-Type");
    }
  }

  /** A key of {@code tenant} with these scopes, inserted as the dashboard stores it (hash only). */
  public static String key(long tenant, String name, String scopes) {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String publicId = HexFormat.of().formatHex(id);
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      Webhooks.execute(
          "INSERT INTO api_key (tenant_id, public_id, secret_sha256, name, scopes, created_at)"
              + " VALUES (?, ?, ?, ?, ?, NOW(6))",
          tenant,
          publicId,
          hash,
          name,
          scopes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return "kn_" + publicId + "_" + s;
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer send(String path, String json, String idempotencyKey) {
    HttpRequest.Builder r =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      r.header("Idempotency-Key", idempotencyKey);
    }
    return send(r);
  }

  Answer patch(String path, String json, String ifMatch) {
    HttpRequest.Builder r =
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      r.header("If-Match", ifMatch);
    }
    return send(r);
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return r;
  }

  static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A customer writes to the tenant's number (Meta's signed webhook); returns the conversation. */
  static long customerWrites(URL base, Webhooks.Tenant tenant, String waId, String text) {
    byte[] payload =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba-" + tenant.phoneNumberId(),
                new Messages(tenant.phoneNumberId(), "15550001111")
                    .add(WebhookPayloads.Inbound.text(Customer.phone(waId, "Ana"), text))
                    .change()));
    Webhooks.Answer answer =
        Webhooks.post(URI.create(base.toString()).resolve("webhooks/whatsapp"), payload);
    if (answer.status() != 200) {
      throw new AssertionError("webhook answered " + answer.status() + ": " + answer.body());
    }
    String state = Webhooks.awaitApplied(payload);
    if (!state.equals("APPLIED")) {
      throw new AssertionError("webhook event ended " + state);
    }
    return Webhooks.count(
        "SELECT c.id FROM conversation c JOIN contact ct ON ct.tenant_id = c.tenant_id"
            + " AND ct.id = c.contact_id WHERE c.tenant_id = ? AND ct.wa_id = ?",
        tenant.id(),
        waId);
  }

  static String phone() {
    return "4917" + (10_000_000 + (int) (Math.random() * 89_999_999));
  }
}
