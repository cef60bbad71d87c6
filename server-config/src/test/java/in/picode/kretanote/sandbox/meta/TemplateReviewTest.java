package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.WebhookReceiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's template review: a created template is approved after the configured delay, one
 * whose name matches the rejection pattern is rejected with the reason, each as Meta's {@code
 * message_template_status_update} webhook; the control API changes the settings.
 */
class TemplateReviewTest {

  static final String SECRET = "review-app-secret";
  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";

  WebhookReceiver receiver;
  MetaSimulator sim;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    sim =
        MetaSimulator.builder()
            .appSecret(SECRET)
            .callback(receiver.url())
            .templateReview(
                new TemplateReview(Duration.ofMillis(300), Pattern.compile("reject_.*"), "SCAM"))
            .start();
    sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  static final JsonArray BODY =
      Json.createArrayBuilder()
          .add(Json.createObjectBuilder().add("type", "BODY").add("text", "Fertig"))
          .build();

  static JsonObject change(Received r) {
    return r.json().getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0);
  }

  @Test
  void aTemplateIsApprovedAfterTheDelayAndARejectNameIsRejectedWithTheReason() throws Exception {
    String id = sim.addTemplate(WABA, "order_ready", "de", "UTILITY", "PENDING", BODY);
    assertThat(sim.templates(WABA))
        .extracting(SimState.Template::status)
        .containsExactly("PENDING");
    receiver.assertQuietFor(150);
    Received approved = receiver.next();
    assertThat(approved.signedWith(SECRET)).isTrue();
    JsonObject c = change(approved);
    assertThat(c.getString("field")).isEqualTo("message_template_status_update");
    assertThat(c.getJsonObject("value").getString("event")).isEqualTo("APPROVED");
    assertThat(c.getJsonObject("value").getJsonNumber("message_template_id").longValue())
        .isEqualTo(Long.parseLong(id));
    assertThat(c.getJsonObject("value").getString("message_template_name"))
        .isEqualTo("order_ready");

    sim.addTemplate(WABA, "reject_me", "de", "MARKETING", "PENDING", BODY);
    JsonObject rejected = change(receiver.next()).getJsonObject("value");
    assertThat(rejected.getString("event")).isEqualTo("REJECTED");
    assertThat(rejected.getString("reason")).isEqualTo("SCAM");
    assertThat(sim.templates(WABA))
        .extracting(SimState.Template::name, SimState.Template::status)
        .contains(
            org.assertj.core.groups.Tuple.tuple("order_ready", "APPROVED"),
            org.assertj.core.groups.Tuple.tuple("reject_me", "REJECTED"));
  }

  @Test
  void theControlApiChangesDelayPatternAndReason() throws Exception {
    HttpResponse<String> set =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/review"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"delay_ms\":0,\"reject_pattern\":\"promo_.*\","
                                + "\"reason\":\"INCORRECT_CATEGORY\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("\"delay_ms\":0").contains("promo_.*");
    sim.addTemplate(WABA, "promo_winter", "en", "MARKETING", "PENDING", BODY);
    JsonObject rejected = change(receiver.next()).getJsonObject("value");
    assertThat(rejected.getString("event")).isEqualTo("REJECTED");
    assertThat(rejected.getString("reason")).isEqualTo("INCORRECT_CATEGORY");
    sim.addTemplate(WABA, "reject_me", "en", "MARKETING", "PENDING", BODY);
    assertThat(change(receiver.next()).getJsonObject("value").getString("event"))
        .isEqualTo("APPROVED");
  }
}
