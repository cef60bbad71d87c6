package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.WebhookReceiver.Received;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the control calls emit calls, permission replies, referrals, system messages, template
 * updates.
 */
class InboundShapesTest {

  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";

  WebhookReceiver receiver;
  MetaSimulator sim;
  Graph control;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    sim = MetaSimulator.builder().appSecret("s").callback(receiver.url()).start();
    control = new Graph(sim.baseUrl() + "/_sim");
    sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  private JsonObject change(Received r) {
    return r.json().getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0);
  }

  @Test
  void aTerminateCarriesStatusDurationAndTimesInTheCallsField() throws Exception {
    assertThat(
            control
                .post(
                    "/calls/" + PNID,
                    null,
                    "{\"wa_id\":\"4915112345678\",\"event\":\"terminate\",\"call_id\":\"wacid.X\","
                        + "\"duration\":42}")
                .status())
        .isEqualTo(200);
    JsonObject change = change(receiver.next());
    assertThat(change.getString("field")).isEqualTo("calls");
    JsonObject value = change.getJsonObject("value");
    assertThat(value.getJsonObject("metadata").getString("phone_number_id")).isEqualTo(PNID);
    JsonObject call = value.getJsonArray("calls").getJsonObject(0);
    assertThat(call.getString("id")).isEqualTo("wacid.X");
    assertThat(call.getString("event")).isEqualTo("terminate");
    assertThat(call.getString("status")).isEqualTo("COMPLETED");
    assertThat(call.getInt("duration")).isEqualTo(42);
    assertThat(call.getString("from")).isEqualTo("4915112345678");
  }

  @Test
  void referralsPermissionRepliesSystemMessagesAndTemplateUpdatesHaveMetasShapes()
      throws Exception {
    control.post(
        "/referrals/" + PNID,
        null,
        "{\"wa_id\":\"4915112345678\",\"text\":\"Hi\",\"referral\":{\"source_id\":\"120\","
            + "\"source_type\":\"ad\",\"headline\":\"Sale\"}}");
    JsonObject message =
        change(receiver.next()).getJsonObject("value").getJsonArray("messages").getJsonObject(0);
    assertThat(message.getJsonObject("referral").getString("source_id")).isEqualTo("120");
    assertThat(message.getJsonObject("referral").containsKey("image_url")).isFalse();

    control.post(
        "/permission-replies/" + PNID,
        null,
        "{\"wa_id\":\"4915112345678\",\"response\":\"accept\",\"permanent\":true}");
    JsonObject reply =
        change(receiver.next()).getJsonObject("value").getJsonArray("messages").getJsonObject(0);
    assertThat(reply.getJsonObject("interactive").getString("type"))
        .isEqualTo("call_permission_reply");

    control.post(
        "/system-messages/" + PNID,
        null,
        "{\"wa_id\":\"4915112345678\",\"type\":\"user_changed_number\",\"new_wa_id\":\"4915199\"}");
    JsonObject value = change(receiver.next()).getJsonObject("value");
    assertThat(value.containsKey("contacts")).isFalse();
    assertThat(
            value
                .getJsonArray("messages")
                .getJsonObject(0)
                .getJsonObject("system")
                .getString("wa_id"))
        .isEqualTo("4915199");

    control.post(
        "/template-updates/" + WABA,
        null,
        "{\"kind\":\"quality\",\"message_template_name\":\"sale\","
            + "\"message_template_language\":\"en\",\"new_quality_score\":\"RED\"}");
    JsonObject template = change(receiver.next());
    assertThat(template.getString("field")).isEqualTo("message_template_quality_update");
    assertThat(template.getJsonObject("value").getString("new_quality_score")).isEqualTo("RED");
  }
}
