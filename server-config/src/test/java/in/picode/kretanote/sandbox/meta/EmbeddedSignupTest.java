package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Graph.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedSignupTest {

  static final String APP_ID = "555000111222333";
  static final String SECRET = "test-app-secret";
  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";

  MetaSimulator sim;
  Graph graph;

  @BeforeEach
  void start() throws Exception {
    sim = MetaSimulator.builder().appId(APP_ID).appSecret(SECRET).start();
    graph = new Graph(sim.baseUrl());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  String exchange(String code) {
    Answer a =
        graph.get(
            "/v23.0/oauth/access_token?client_id="
                + APP_ID
                + "&client_secret="
                + SECRET
                + "&code="
                + code,
            null);
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    assertThat(a.json().getString("token_type")).isEqualTo("bearer");
    return a.json().getString("access_token");
  }

  @Test
  void fullSignupSequenceConnectsTheNumber() {
    String code = sim.issueSignupCode(WABA, PNID, "15550001111", "Kreta Bakery");
    String token = exchange(code);

    Answer debug = graph.get("/v23.0/debug_token?input_token=" + token, sim.appAccessToken());
    JsonObject data = debug.json().getJsonObject("data");
    assertThat(data.getString("app_id")).isEqualTo(APP_ID);
    assertThat(data.getString("type")).isEqualTo("SYSTEM_USER");
    assertThat(data.getBoolean("is_valid")).isTrue();
    assertThat(data.getInt("expires_at")).isZero();
    assertThat(data.getJsonArray("scopes").toString())
        .contains("whatsapp_business_management", "whatsapp_business_messaging");
    assertThat(
            data.getJsonArray("granular_scopes")
                .getJsonObject(1)
                .getJsonArray("target_ids")
                .getString(0))
        .isEqualTo(WABA);

    assertThat(
            graph
                .post("/v23.0/" + WABA + "/subscribed_apps", token, "")
                .json()
                .getBoolean("success"))
        .isTrue();
    Answer apps = graph.get("/v23.0/" + WABA + "/subscribed_apps", token);
    assertThat(
            apps.json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonObject("whatsapp_business_api_data")
                .getString("id"))
        .isEqualTo(APP_ID);

    Answer register =
        graph.post(
            "/v23.0/" + PNID + "/register",
            token,
            "{\"messaging_product\":\"whatsapp\",\"pin\":\"123456\"}");
    assertThat(register.json().getBoolean("success")).isTrue();

    Answer number =
        graph.get(
            "/v23.0/"
                + PNID
                + "?fields=quality_rating,status,name_status,code_verification_status,account_mode,"
                + "throughput%7Blevel%7D,whatsapp_business_manager_messaging_limit,verified_name,display_phone_number",
            token);
    assertThat(number.json().getString("status")).isEqualTo("CONNECTED");
    assertThat(number.json().getString("quality_rating")).isEqualTo("GREEN");
    assertThat(number.json().getString("display_phone_number")).isEqualTo("15550001111");
    assertThat(number.json().getJsonObject("throughput").getString("level")).isEqualTo("STANDARD");
    assertThat(number.json().getString("id")).isEqualTo(PNID);

    Answer health = graph.get("/v23.0/" + PNID + "?fields=health_status", token);
    assertThat(health.json().getJsonObject("health_status").getString("can_send_message"))
        .isEqualTo("AVAILABLE");
  }

  @Test
  void aReplayedCodeIsRefused() {
    String code = sim.issueSignupCode(WABA, PNID, "15550001111", "Kreta Bakery");
    exchange(code);

    Answer replay =
        graph.get(
            "/v23.0/oauth/access_token?client_id="
                + APP_ID
                + "&client_secret="
                + SECRET
                + "&code="
                + code,
            null);

    assertThat(replay.status()).isEqualTo(400);
    JsonObject error = replay.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(100);
    assertThat(error.getString("type")).isEqualTo("OAuthException");
    assertThat(error.getInt("error_subcode")).isEqualTo(36009);
    assertThat(error.getString("fbtrace_id")).isNotBlank();
  }

  @Test
  void aWrongClientSecretIsRefusedAndDoesNotConsumeTheCode() {
    String code = sim.issueSignupCode(WABA, PNID, "15550001111", "Kreta Bakery");

    Answer wrong =
        graph.get(
            "/v23.0/oauth/access_token?client_id=" + APP_ID + "&client_secret=nope&code=" + code,
            null);

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().getJsonObject("error").getString("type")).isEqualTo("OAuthException");
    assertThat(exchange(code)).startsWith("EAA");
  }

  @Test
  void anExpiredCodeIsRefused() {
    String code = sim.issueSignupCode(WABA, PNID, "15550001111", "Kreta Bakery");
    sim.advanceClock(Duration.ofMinutes(2));

    Answer late =
        graph.get(
            "/v23.0/oauth/access_token?client_id="
                + APP_ID
                + "&client_secret="
                + SECRET
                + "&code="
                + code,
            null);

    assertThat(late.errorCode()).isEqualTo(100);
  }

  @Test
  void aRevokedTokenGets401WithCode190AndDebugTokenSaysInvalid() {
    String token = exchange(sim.issueSignupCode(WABA, PNID, "15550001111", "Kreta Bakery"));
    sim.revokeToken(token);

    Answer call = graph.get("/v23.0/" + WABA + "/subscribed_apps", token);
    assertThat(call.status()).isEqualTo(401);
    JsonObject error = call.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(190);
    assertThat(error.getJsonObject("error_data").getString("messaging_product"))
        .isEqualTo("whatsapp");

    JsonObject data =
        graph
            .get("/v23.0/debug_token?input_token=" + token, sim.appAccessToken())
            .json()
            .getJsonObject("data");
    assertThat(data.getBoolean("is_valid")).isFalse();
    assertThat(data.getJsonObject("error").getInt("code")).isEqualTo(190);
  }

  @Test
  void unknownAndMissingTokensAreRefused() {
    assertThat(graph.get("/v23.0/" + WABA + "/subscribed_apps", "EAAmadeup").errorCode())
        .isEqualTo(190);
    Answer none = graph.get("/v23.0/" + WABA + "/subscribed_apps", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo(104);
  }

  @Test
  void aTokenCannotReachAnotherBusinessesNumber() {
    String tokenA = sim.connectNumber("111", "1110", "15550000001", "Tenant A");
    sim.connectNumber("222", "2220", "15550000002", "Tenant B");

    Answer send =
        graph.post(
            "/v23.0/2220/messages",
            tokenA,
            "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}");

    assertThat(send.status()).isEqualTo(400);
    assertThat(send.errorCode()).isEqualTo(100);
    assertThat(send.json().getJsonObject("error").getInt("error_subcode")).isEqualTo(33);
    assertThat(sim.sentMessages("2220")).isEmpty();
  }

  @Test
  void disconnectUnsubscribesAndDeregisters() {
    String token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");

    graph.delete("/v23.0/" + WABA + "/subscribed_apps", token);
    graph.post("/v23.0/" + PNID + "/deregister", token, "");

    assertThat(graph.get("/v23.0/" + WABA + "/subscribed_apps", token).json().getJsonArray("data"))
        .isEmpty();
    assertThat(sim.isRegistered(PNID)).isFalse();
    Answer health = graph.get("/v23.0/" + PNID + "?fields=health_status", token);
    assertThat(health.json().getJsonObject("health_status").getString("can_send_message"))
        .isEqualTo("BLOCKED");
  }

  @Test
  void reRegisteringWithAnotherPinIsRefused() {
    String token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");

    Answer again =
        graph.post(
            "/v23.0/" + PNID + "/register",
            token,
            "{\"messaging_product\":\"whatsapp\",\"pin\":\"654321\"}");

    assertThat(again.errorCode()).isEqualTo(133005);
  }

  @Test
  void healthReflectsQualityStatusAndOverrides() {
    String token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");
    sim.setQuality(PNID, "YELLOW");
    sim.setNumberStatus(PNID, "RESTRICTED");
    sim.setHealth(WABA, "BLOCKED", 141006, "Payment method missing");

    JsonObject number = graph.get("/v23.0/" + PNID + "?fields=quality_rating,status", token).json();
    assertThat(number.getString("quality_rating")).isEqualTo("YELLOW");
    assertThat(number.getString("status")).isEqualTo("RESTRICTED");
    JsonObject wabaHealth =
        graph
            .get("/v23.0/" + WABA + "?fields=health_status", token)
            .json()
            .getJsonObject("health_status");
    assertThat(wabaHealth.getString("can_send_message")).isEqualTo("BLOCKED");
    assertThat(
            wabaHealth
                .getJsonArray("entities")
                .getJsonObject(0)
                .getJsonArray("errors")
                .getJsonObject(0)
                .getInt("error_code"))
        .isEqualTo(141006);
  }

  @Test
  void anyGraphVersionIsAcceptedAndLogged() {
    String token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");

    assertThat(graph.get("/v24.0/" + PNID, token).status()).isEqualTo(200);

    assertThat(sim.calls()).last().satisfies(call -> assertThat(call.version()).isEqualTo("v24.0"));
  }

  @Test
  void theCallLogKeepsNoTokenOrSecret() {
    String code = sim.issueSignupCode(WABA, PNID, "15550001111", "Kreta Bakery");
    String token = exchange(code);
    graph.get("/v23.0/debug_token?input_token=" + token, sim.appAccessToken());
    graph.get("/v23.0/" + WABA + "/subscribed_apps", token);

    String log = sim.calls().toString();
    assertThat(log).doesNotContain(token, SECRET, code);
    assertThat(sim.calls())
        .last()
        .satisfies(
            call -> {
              assertThat(call.authorizationPresent()).isTrue();
              assertThat(call.tokenSha256()).isEqualTo(SimState.sha256Hex(token));
            });
  }

  @Test
  void unknownFieldsAreRefusedLikeMetaDoes() {
    String token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");

    Answer typo = graph.get("/v23.0/" + PNID + "?fields=quality_ratin", token);

    assertThat(typo.errorCode()).isEqualTo(100);
  }
}
