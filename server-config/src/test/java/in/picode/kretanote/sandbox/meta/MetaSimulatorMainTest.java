package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.sandbox.meta.Graph.Answer;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's view: a simulator started from command-line options, driven only over HTTP. */
class MetaSimulatorMainTest {

  static final String SECRET = "sandbox-secret";

  @Test
  void aSandboxSessionRunsEntirelyOverHttp() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        MetaSimulator sim =
            MetaSimulatorMain.start(
                null,
                "--port",
                "0",
                "--app-id",
                "777",
                "--app-secret",
                SECRET,
                "--callback",
                receiver.url().toString(),
                "--status-delay-ms",
                "10",
                "--service-window",
                "reject",
                "--auto-approve-templates")) {
      assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      Graph control = new Graph(sim.baseUrl() + "/_sim");
      Graph graph = new Graph(sim.baseUrl() + "/v23.0");

      String code =
          control
              .post(
                  "/signup-codes",
                  null,
                  "{\"waba_id\":\"900\",\"phone_number_id\":\"901\",\"display_phone_number\":\"15550009999\","
                      + "\"verified_name\":\"Sandbox Shop\"}")
              .json()
              .getString("code");
      String token =
          graph
              .get(
                  "/oauth/access_token?client_id=777&client_secret=" + SECRET + "&code=" + code,
                  null)
              .json()
              .getString("access_token");
      graph.post("/900/subscribed_apps", token, "");
      graph.post("/901/register", token, "{\"messaging_product\":\"whatsapp\",\"pin\":\"123456\"}");
      assertThat(
              graph
                  .get("/900/phone_numbers", token)
                  .json()
                  .getJsonArray("data")
                  .getJsonObject(0)
                  .getString("id"))
          .isEqualTo("901");

      String send =
          "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";
      assertThat(graph.post("/901/messages", token, send).errorCode())
          .as("window closed")
          .isEqualTo(131047);

      String inbound =
          control
              .post(
                  "/customers/901/messages",
                  null,
                  "{\"wa_id\":\"4915112345678\",\"name\":\"Ana\",\"text\":\"Hallo\"}")
              .json()
              .getString("id");
      WebhookReceiver.Received received = receiver.next();
      assertThat(received.signedWith(SECRET)).isTrue();
      assertThat(received.text()).contains(inbound);

      // A media message: the simulator keeps the file and serves it as Meta's media API does.
      String photo = java.util.Base64.getEncoder().encodeToString("jpeg bytes".getBytes());
      JsonObject media =
          control
              .post(
                  "/customers/901/messages",
                  null,
                  "{\"wa_id\":\"4915112345678\",\"type\":\"document\",\"media\":{"
                      + "\"mime_type\":\"application/pdf\",\"base64\":\""
                      + photo
                      + "\",\"filename\":\"offer.pdf\",\"caption\":\"the offer\"}}")
              .json();
      JsonObject document =
          WebhookTest.value(receiver.next()).getJsonArray("messages").getJsonObject(0);
      assertThat(document.getString("id")).isEqualTo(media.getString("id"));
      assertThat(document.getString("type")).isEqualTo("document");
      assertThat(document.getJsonObject("document").getString("id"))
          .isEqualTo(media.getString("media_id"));
      assertThat(document.getJsonObject("document").getString("filename")).isEqualTo("offer.pdf");
      assertThat(graph.get("/" + media.getString("media_id"), token).json().getString("mime_type"))
          .isEqualTo("application/pdf");
      assertThat(
              control
                  .post(
                      "/customers/901/messages",
                      null,
                      "{\"type\":\"poster\",\"media\":{\"mime_type\":\"image/png\","
                          + "\"base64\":\""
                          + photo
                          + "\"}}")
                  .status())
          .isEqualTo(400);

      // A list row the customer picks, answering an earlier message: Meta's list_reply shape.
      String picked =
          control
              .post(
                  "/customers/901/messages",
                  null,
                  "{\"wa_id\":\"4915112345678\",\"interactive\":{\"type\":\"list_reply\","
                      + "\"id\":\"csat-7-4\",\"title\":\"4\"},\"context_id\":\"wamid.ASKED\"}")
              .json()
              .getString("id");
      JsonObject answer =
          WebhookTest.value(receiver.next()).getJsonArray("messages").getJsonObject(0);
      assertThat(answer.getString("id")).isEqualTo(picked);
      assertThat(answer.getString("type")).isEqualTo("interactive");
      assertThat(answer.getJsonObject("interactive").getString("type")).isEqualTo("list_reply");
      assertThat(answer.getJsonObject("interactive").getJsonObject("list_reply").getString("id"))
          .isEqualTo("csat-7-4");
      assertThat(answer.getJsonObject("context").getString("id")).isEqualTo("wamid.ASKED");

      Answer reply = graph.post("/901/messages", token, send);
      assertThat(reply.status()).isEqualTo(200);
      List<String> statuses =
          receiver.next(3).stream()
              .map(
                  r ->
                      WebhookTest.value(r)
                          .getJsonArray("statuses")
                          .getJsonObject(0)
                          .getString("status"))
              .toList();
      assertThat(statuses).containsExactly("sent", "delivered", "read");

      JsonObject sent = control.get("/sent/901", null).json();
      assertThat(sent.getJsonArray("messages")).hasSize(1);

      graph.post(
          "/900/message_templates",
          token,
          "{\"name\":\"promo\",\"language\":\"en\",\"category\":\"MARKETING\",\"components\":[{\"type\":\"BODY\",\"text\":\"Hi\"}]}");
      assertThat(receiver.next().text()).contains("message_template_status_update", "APPROVED");

      JsonObject calls = control.get("/calls", null).json();
      assertThat(calls.toString()).doesNotContain(token, SECRET);
    }
  }

  @Test
  void anAppSecretIsRequired() {
    assertThatThrownBy(() -> MetaSimulatorMain.start(null, "--port", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app secret");
  }

  @Test
  void theSecretCanComeFromTheEnvironment() throws Exception {
    try (MetaSimulator sim = MetaSimulatorMain.start("from-env", "--port", "0", "--app-id", "42")) {
      assertThat(sim.appAccessToken()).isEqualTo("42|from-env");
    }
  }
}
