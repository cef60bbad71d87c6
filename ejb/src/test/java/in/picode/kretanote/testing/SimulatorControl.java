package in.picode.kretanote.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;

/**
 * The Meta simulator's HTTP control API ({@code /_sim/...}), for tests running inside Payara Micro
 * where the simulator's classes are not deployed: issue signup codes, inject faults, change a
 * number, expire tokens, read the call log. Needs only the JDK and JSON-P.
 */
public final class SimulatorControl {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  public SimulatorControl(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /** Inside the server: where the application's Graph client points. */
  public static SimulatorControl fromServerConfig() {
    return new SimulatorControl(System.getProperty("kretanote.meta.graph-url"));
  }

  /** In the test JVM: the port ItDatabaseSession reserved. */
  public static SimulatorControl fromTestJvm() {
    return new SimulatorControl("http://127.0.0.1:" + System.getProperty("kretanote.it.meta.port"));
  }

  public static String newId() {
    StringBuilder s = new StringBuilder("9");
    for (int i = 0; i < 14; i++) {
      s.append(RANDOM.nextInt(10));
    }
    return s.toString();
  }

  public String signupCode(String waba, String pnid, String display, String... scopes) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("waba_id", waba)
            .add("phone_number_id", pnid)
            .add("display_phone_number", display)
            .add("verified_name", "Test Business " + pnid.substring(pnid.length() - 4));
    if (scopes.length > 0) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      for (String s : scopes) {
        a.add(s);
      }
      b.add("scopes", a);
    }
    return post("_sim/signup-codes", b.build()).getString("code");
  }

  /** A Meta error envelope with {@code code} for the next matching call. */
  public void metaError(int code, String method, String pathRegex) {
    fault(
        Json.createObjectBuilder()
            .add("kind", "meta_error")
            .add("code", code)
            .add("method", method)
            .add("path", pathRegex)
            .build());
  }

  /** A bare HTTP status (no envelope) for the next matching call. */
  public void httpStatus(int status, String method, String pathRegex) {
    fault(
        Json.createObjectBuilder()
            .add("kind", "http_status")
            .add("status", status)
            .add("method", method)
            .add("path", pathRegex)
            .build());
  }

  public void delay(long millis, String method, String pathRegex) {
    fault(
        Json.createObjectBuilder()
            .add("kind", "delay")
            .add("millis", millis)
            .add("method", method)
            .add("path", pathRegex)
            .build());
  }

  public void fault(JsonObject fault) {
    post("_sim/faults", fault);
  }

  public void clearFaults() {
    send(HttpRequest.newBuilder(base.resolve("_sim/faults")).DELETE().build());
  }

  /** Changes a number: {@code quality_rating}, {@code status}, {@code messaging_limit}. */
  public JsonObject number(String pnid, JsonObject changes) {
    return post("_sim/numbers/" + pnid, changes);
  }

  public boolean isRegistered(String pnid) {
    return number(pnid, JsonObject.EMPTY_JSON_OBJECT).getBoolean("registered");
  }

  public int expireTokensOf(String waba) {
    return post("_sim/tokens/expire", Json.createObjectBuilder().add("waba_id", waba).build())
        .getInt("changed");
  }

  public int revokeTokensOf(String waba) {
    return post("_sim/tokens/revoke", Json.createObjectBuilder().add("waba_id", waba).build())
        .getInt("changed");
  }

  public void unsubscribe(String waba) {
    send(HttpRequest.newBuilder(base.resolve("_sim/subscriptions/" + waba)).DELETE().build());
  }

  /** Stores media as if a customer had sent it; returns Meta's media id. */
  /** The app's webhooks of this WABA go to {@code uri} (null: back to the default callback). */
  public void overrideCallback(String waba, String uri) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (uri != null) {
      b.add("override_callback_uri", uri);
    }
    post("_sim/subscriptions/" + waba, b.build());
  }

  /**
   * The customer {@code waId} sends a media message of {@code type} (image, document, audio, video,
   * sticker) to the number; the simulator stores the file and posts Meta's signed webhook. Returns
   * the message's wamid.
   */
  public String customerSendsMedia(
      String pnid, String waId, String type, byte[] bytes, String mimeType, String caption) {
    JsonObjectBuilder media =
        Json.createObjectBuilder()
            .add("base64", java.util.Base64.getEncoder().encodeToString(bytes))
            .add("mime_type", mimeType);
    if (caption != null) {
      media.add("caption", caption);
    }
    if (type.equals("document")) {
      media.add("filename", "statement.pdf");
    }
    return post(
            "_sim/customers/" + pnid + "/messages",
            Json.createObjectBuilder()
                .add("wa_id", waId)
                .add("name", "Media Customer")
                .add("type", type)
                .add("media", media)
                .build())
        .getString("id");
  }

  /**
   * The customer {@code waId} picks a list row ({@code kind} {@code list_reply}) or a reply button
   * ({@code button_reply}) of the message {@code contextWamid}; the simulator posts Meta's signed
   * webhook. Returns the answer's wamid.
   */
  public String customerAnswers(
      String pnid, String waId, String kind, String id, String title, String contextWamid) {
    return post(
            "_sim/customers/" + pnid + "/messages",
            Json.createObjectBuilder()
                .add("wa_id", waId)
                .add("name", "Answering Customer")
                .add(
                    "interactive",
                    Json.createObjectBuilder().add("type", kind).add("id", id).add("title", title))
                .add("context_id", contextWamid)
                .build())
        .getString("id");
  }

  public String media(byte[] bytes, String mimeType) {
    return post(
            "_sim/media",
            Json.createObjectBuilder()
                .add("mime_type", mimeType)
                .add("base64", java.util.Base64.getEncoder().encodeToString(bytes))
                .build())
        .getString("id");
  }

  /**
   * Media download links on {@code host} (null: the simulator's own address) and, with {@code
   * redirect}, answered by a redirect; {@code mediaLinks(null, false)} restores the default.
   */
  public void mediaLinks(String host, boolean redirect) {
    jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder().add("redirect", redirect);
    if (host != null) {
      b.add("host", host);
    }
    post("_sim/media-links", b.build());
  }

  public JsonArray calls() {
    return read(send(HttpRequest.newBuilder(base.resolve("_sim/calls")).GET().build()))
        .getJsonArray("calls");
  }

  /** The messages the simulator accepted from this number, oldest first. */
  public JsonArray sent(String pnid) {
    return read(send(HttpRequest.newBuilder(base.resolve("_sim/sent/" + pnid)).GET().build()))
        .getJsonArray("messages");
  }

  /** Sets a template's status at "Meta" (it must exist in that WABA). */
  public void templateStatus(String waba, String name, String language, String status) {
    post(
        "_sim/templates/" + waba,
        Json.createObjectBuilder()
            .add("name", name)
            .add("language", language)
            .add("status", status)
            .build());
  }

  // --- issue 20: inbound shapes the simulator emits (see the README's simulator list) ---

  /** A call event: connect, terminate (with status, duration) or RINGING/ACCEPTED/REJECTED. */
  public String call(String pnid, JsonObject call) {
    return post("_sim/calls/" + pnid, call).getString("id");
  }

  /** A customer's {@code call_permission_reply}: accept or reject. */
  public String permissionReply(String pnid, String waId, String response, boolean permanent) {
    return post(
            "_sim/permission-replies/" + pnid,
            Json.createObjectBuilder()
                .add("wa_id", waId)
                .add("response", response)
                .add("permanent", permanent)
                .build())
        .getString("id");
  }

  /** A customer's message from a Click-to-WhatsApp ad ({@code referral} fields as Meta's). */
  public String referral(String pnid, String waId, String text, JsonObject referral) {
    return post(
            "_sim/referrals/" + pnid,
            Json.createObjectBuilder()
                .add("wa_id", waId)
                .add("text", text)
                .add("referral", referral)
                .build())
        .getString("id");
  }

  /** A system message: user_changed_number (with the new number) or customer_identity_changed. */
  public String systemMessage(String pnid, String waId, String type, String newWaId) {
    var b = Json.createObjectBuilder().add("wa_id", waId).add("type", type);
    if (newWaId != null) {
      b.add("new_wa_id", newWaId);
    }
    return post("_sim/system-messages/" + pnid, b.build()).getString("id");
  }

  /** A template quality, category or components update ({@code kind} and the field's keys). */
  public void templateUpdate(String waba, JsonObject update) {
    post("_sim/template-updates/" + waba, update);
  }

  private JsonObject post(String path, JsonObject body) {
    return read(
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build()));
  }

  private static JsonObject read(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "simulator control "
                + request.uri().getPath()
                + " answered "
                + r.statusCode()
                + ": "
                + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
