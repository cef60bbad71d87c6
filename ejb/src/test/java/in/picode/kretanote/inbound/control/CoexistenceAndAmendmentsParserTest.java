package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.inbound.control.ContactKey.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: {@code user_preferences}, {@code smb_message_echoes}, {@code edit} and {@code revoke}.
 */
class CoexistenceAndAmendmentsParserTest {

  private static final ContactKey SHEENA = new ContactKey(Kind.WA_ID, "16505551234");

  @Test
  void aStopPromotionsPreferenceIsReadWithTheCustomerAndMetasTime() {
    ParsedWebhook parsed = Fixtures.parse("user-preferences.json");
    assertThat(parsed.rejections()).isEmpty();
    MessagesChange change = only(parsed);
    assertThat(change.field()).isEqualTo(MessagesChange.PREFERENCES_FIELD);
    assertThat(change.phoneNumberId()).isEqualTo("106540352242922");
    assertThat(change.messages()).isEmpty();
    assertThat(change.preferences())
        .containsExactly(
            new MessagesChange.PreferenceUpdate(
                SHEENA,
                "marketing_messages",
                "stop",
                Instant.ofEpochSecond(1731705721),
                Optional.of("User requested to stop marketing messages")));
  }

  @Test
  void echoesAreTheBusinesssMessagesAndBelongToTheCustomerTheyWentTo() {
    ParsedWebhook parsed = Fixtures.parse("message-echoes.json");
    assertThat(parsed.rejections()).isEmpty();
    MessagesChange change = only(parsed);
    assertThat(change.field()).isEqualTo(MessagesChange.ECHOES_FIELD);
    assertThat(change.messages()).isEmpty();
    assertThat(change.echoes()).hasSize(2);
    InboundMessage text = change.echoes().get(0);
    assertThat(text.sender()).isEqualTo(SHEENA);
    assertThat(text.wamid()).startsWith("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI1");
    assertThat(MessageTexts.text(text.content())).contains("Your order is ready for pickup.");
    InboundMessage image = change.echoes().get(1);
    assertThat(image.type()).isEqualTo(MessageType.IMAGE);
    assertThat(MessageTexts.text(image.content())).contains("Your receipt");
  }

  @Test
  void anEditNamesTheOriginalAndCarriesTheNewTextAndARevokeNamesTheOriginal() {
    ParsedWebhook parsed = Fixtures.parse("edit-revoke.json");
    assertThat(parsed.rejections()).isEmpty();
    List<InboundMessage> messages = only(parsed).messages();
    assertThat(messages)
        .extracting(InboundMessage::type)
        .containsExactly(MessageType.EDIT, MessageType.REVOKE);
    assertThat(messages.get(0).content())
        .isEqualTo(
            new MessageContent.Edit(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQU9SSUdJTkFMMDAwMDAwMDAwMQA=",
                Optional.of("Can I pick it up at 6 instead?")));
    assertThat(messages.get(1).content())
        .isEqualTo(
            new MessageContent.Revoke(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQU9USEVSMDAwMDAwMDAwMDAwMQA="));
    assertThat(MessageTexts.countsAsUnread(MessageType.EDIT)).isFalse();
    assertThat(MessageTexts.opensWindow(MessageType.REVOKE)).isFalse();
  }

  @Test
  void anEditWithoutItsOriginalIsRejectedAndTheOtherMessagesSurvive() throws Exception {
    String body =
        new String(Fixtures.bytes("edit-revoke.json"), StandardCharsets.UTF_8)
            .replace(
                "\"original_message_id\": \"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQU9SSUdJTkFM",
                "\"x\": \"");
    ParsedWebhook parsed = new WebhookPayloadParser().parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("entry[0].changes[0].value.messages[0]");
              assertThat(r.reason()).contains("edit.original_message_id");
            });
    assertThat(only(parsed).messages())
        .extracting(InboundMessage::type)
        .containsExactly(MessageType.REVOKE);
  }

  @Test
  void aMalformedPreferenceIsRejectedOnItsOwn() throws Exception {
    String body =
        new String(Fixtures.bytes("user-preferences.json"), StandardCharsets.UTF_8)
            .replace("\"value\": \"stop\"", "\"value\": 7");
    ParsedWebhook parsed = new WebhookPayloadParser().parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.path()).endsWith("user_preferences[0]"));
    assertThat(only(parsed).preferences()).isEmpty();
  }

  private static MessagesChange only(ParsedWebhook parsed) {
    assertThat(parsed.changes()).hasSize(1);
    return (MessagesChange) parsed.changes().get(0);
  }
}
