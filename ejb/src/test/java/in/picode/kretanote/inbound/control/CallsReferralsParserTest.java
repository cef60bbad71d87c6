package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.inbound.control.ContactKey.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 20 items 4 to 7: calls, call permission replies, referrals, template updates. */
class CallsReferralsParserTest {

  private static final ContactKey ANA = new ContactKey(Kind.WA_ID, "4915112345678");

  private static ParsedWebhook parse(String field, String value) throws Exception {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
            + "\"field\":\""
            + field
            + "\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
            + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"77\"},"
            + value
            + "}}]}]}";
    return new WebhookPayloadParser().parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static MessagesChange only(ParsedWebhook parsed) {
    assertThat(parsed.changes()).hasSize(1);
    return (MessagesChange) parsed.changes().get(0);
  }

  @Test
  void aTerminateCarriesItsStatusTimesAndDurationAndTheCustomerIsTheCaller() throws Exception {
    ParsedWebhook parsed =
        parse(
            "calls",
            "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"4915112345678\"}],"
                + "\"calls\":[{\"id\":\"wacid.1\",\"from\":\"4915112345678\",\"to\":\"15550001111\","
                + "\"event\":\"terminate\",\"timestamp\":\"1764000100\",\"direction\":"
                + "\"USER_INITIATED\",\"status\":\"COMPLETED\",\"start_time\":\"1764000000\","
                + "\"end_time\":\"1764000095\",\"duration\":95}]");
    assertThat(parsed.rejections()).isEmpty();
    MessagesChange change = only(parsed);
    assertThat(change.field()).isEqualTo(MessagesChange.CALLS_FIELD);
    assertThat(change.statuses()).isEmpty();
    assertThat(change.calls())
        .containsExactly(
            new MessagesChange.CallEvent(
                "wacid.1",
                ANA,
                "terminate",
                Optional.of("USER_INITIATED"),
                Optional.of("COMPLETED"),
                Instant.ofEpochSecond(1764000100),
                Optional.of(Instant.ofEpochSecond(1764000000)),
                Optional.of(Instant.ofEpochSecond(1764000095)),
                Optional.of(95)));
  }

  @Test
  void aCallStatusIsACallEventOfTheRecipientNotAMessageStatus() throws Exception {
    MessagesChange change =
        only(
            parse(
                "calls",
                "\"statuses\":[{\"id\":\"wacid.2\",\"timestamp\":\"1764000000\",\"type\":\"call\","
                    + "\"status\":\"RINGING\",\"recipient_id\":\"4915112345678\"}]"));
    assertThat(change.statuses()).isEmpty();
    assertThat(change.calls()).hasSize(1);
    assertThat(change.calls().get(0).customer()).isEqualTo(ANA);
    assertThat(change.calls().get(0).event()).isEqualTo("RINGING");
  }

  @Test
  void aReferralWithoutMediaAndAPermissionReplyAreReadBesideTheirMessages() throws Exception {
    ParsedWebhook parsed =
        parse(
            "messages",
            "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"4915112345678\"}],"
                + "\"messages\":[{\"from\":\"4915112345678\",\"id\":\"wamid.R\",\"timestamp\":"
                + "\"1764000000\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"},\"referral\":{"
                + "\"source_url\":\"https://fb.me/x\",\"source_id\":\"120\",\"source_type\":\"ad\","
                + "\"headline\":\"Sale\"}},{\"from\":\"4915112345678\",\"id\":\"wamid.P\","
                + "\"timestamp\":\"1764000001\",\"type\":\"interactive\",\"interactive\":{\"type\":"
                + "\"call_permission_reply\",\"call_permission_reply\":{\"response\":\"accept\","
                + "\"is_permanent\":true,\"response_source\":\"user_action\"}}},"
                + "{\"from\":\"4915112345678\",\"id\":\"wamid.B\",\"timestamp\":\"1764000002\","
                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"call_permission_reply\","
                + "\"call_permission_reply\":{\"response\":\"maybe\"}}}]");
    MessagesChange change = only(parsed);
    assertThat(change.messages()).hasSize(3);
    assertThat(change.referrals()).hasSize(1);
    MessagesChange.Referral r = change.referrals().get(0);
    assertThat(r.sourceId()).contains("120");
    assertThat(r.headline()).contains("Sale");
    assertThat(r.mediaType()).isEmpty();
    assertThat(r.mediaUrl()).isEmpty();
    assertThat(change.permissions())
        .containsExactly(
            new MessagesChange.CallPermission(
                "wamid.P",
                ANA,
                "accept",
                true,
                Optional.empty(),
                Instant.ofEpochSecond(1764000001)));
    // the malformed reply is rejected on its own path; its message is still stored
    assertThat(parsed.rejections()).hasSize(1);
    assertThat(parsed.rejections().get(0).path()).endsWith("messages[2].interactive");
  }

  @Test
  void templateUpdatesNeedATemplateAndTheirNewValue() throws Exception {
    assertThat(
            TemplateUpdate.read(
                    TemplateUpdate.QUALITY_FIELD,
                    "{\"previous_quality_score\":\"GREEN\",\"new_quality_score\":\"RED\","
                        + "\"message_template_id\":12,\"message_template_name\":\"sale\","
                        + "\"message_template_language\":\"en_US\"}")
                .update())
        .hasValueSatisfying(
            u -> {
              assertThat(u.templateId()).contains("12");
              assertThat(u.quality()).contains("RED");
              assertThat(u.previousQuality()).contains("GREEN");
            });
    assertThat(
            TemplateUpdate.read(TemplateUpdate.QUALITY_FIELD, "{\"new_quality_score\":\"RED\"}")
                .refusal())
        .hasValueSatisfying(r -> assertThat(r).contains("names no template"));
    TemplateUpdate impending =
        TemplateUpdate.read(
                TemplateUpdate.CATEGORY_FIELD,
                "{\"message_template_id\":12,\"correct_category\":\"MARKETING\","
                    + "\"new_category\":\"UTILITY\",\"category_update_timestamp\":1764000000}")
            .update()
            .orElseThrow();
    assertThat(impending.categoryPending()).isTrue();
    assertThat(impending.newCategory()).contains("MARKETING");
    assertThat(
            TemplateUpdate.read(
                    TemplateUpdate.COMPONENTS_FIELD,
                    "{\"message_template_id\":12,\"message_template_footer\":\"x\"}")
                .refusal())
        .isPresent();
  }
}
