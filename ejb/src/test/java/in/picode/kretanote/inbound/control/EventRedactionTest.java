package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventRedactionTest {

  static final String A = "111000111000111";
  static final String B = "222000222000222";

  static String change(String pnid, String waId, String name, String text) {
    return """
        {"field":"messages","value":{"messaging_product":"whatsapp",\
        "metadata":{"display_phone_number":"1555","phone_number_id":"%s"},\
        "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],\
        "messages":[{"from":"%s","id":"wamid.%s","timestamp":"1700000000","type":"text",\
        "text":{"body":"%s"}}]}}"""
        .formatted(pnid, name, waId, waId, waId, text);
  }

  static byte[] body(String... changes) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"9\",\"changes\":["
            + String.join(",", changes)
            + "]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String text(EventRedaction.Result r) {
    return new String(r.body().orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void anEventOfTwoTenantsKeepsOnlyTheOtherTenantsChange() throws Exception {
    byte[] body =
        body(
            change(A, "4915111111111", "Anna Deleted", "my secret order"),
            change(B, "4915222222222", "Bert Kept", "hello"));
    EventRedaction.Result r = EventRedaction.withoutNumbers(body, Set.of(A));
    assertThat(r.changed()).isTrue();
    assertThat(text(r))
        .doesNotContain("4915111111111", "Anna Deleted", "my secret order", A)
        .contains("4915222222222", "Bert Kept", "hello", B);
    // still a webhook the parser reads, with the other tenant's message
    assertThat(new WebhookPayloadParser().parse(r.body().get()).changes()).hasSize(1);
  }

  @Test
  void anEventOfOnlyTheDeletedNumbersIsLeftEmpty() {
    EventRedaction.Result r =
        EventRedaction.withoutNumbers(body(change(A, "4915111111111", "Anna", "x")), Set.of(A));
    assertThat(r.empty()).isTrue();
  }

  @Test
  void anEventWithoutTheNumbersIsUnchanged() {
    assertThat(
            EventRedaction.withoutNumbers(body(change(B, "4915222222222", "Bert", "x")), Set.of(A))
                .unchanged())
        .isTrue();
    assertThat(EventRedaction.withoutNumbers("not json".getBytes(), Set.of(A)).unchanged())
        .isTrue();
  }

  @Test
  void erasingAContactRemovesItsProfileMessagesAndStatusesOnlyInTheTenantsChanges() {
    String status =
        """
        {"field":"messages","value":{"messaging_product":"whatsapp",\
        "metadata":{"display_phone_number":"1555","phone_number_id":"%s"},\
        "statuses":[{"id":"wamid.out1","status":"read","timestamp":"1700000001",\
        "recipient_id":"4915111111111"},{"id":"wamid.out2","status":"read",\
        "timestamp":"1700000001","recipient_id":"4915333333333"}]}}"""
            .formatted(A);
    byte[] body =
        body(
            change(A, "4915111111111", "Anna Erased", "erase me"),
            status,
            // the same customer writes to another tenant's number: not this erasure's business
            change(B, "4915111111111", "Anna At B", "keep me"));
    EventRedaction.Result r = EventRedaction.withoutContact(body, Set.of(A), "4915111111111");
    String out = text(r);
    assertThat(out).doesNotContain("Anna Erased", "erase me", "wamid.out1");
    assertThat(out).contains("wamid.out2", "4915333333333", "Anna At B", "keep me");
  }

  @Test
  void erasingTheOnlyContactOfAnEventLeavesItEmpty() {
    EventRedaction.Result r =
        EventRedaction.withoutContact(
            body(change(A, "4915111111111", "Anna", "x")), Set.of(A), "4915111111111");
    assertThat(r.empty()).isTrue();
  }

  @Test
  void erasingAContactRemovesTheBusinesssEchoesToItAndItsPreferences() {
    String sheena = "16505551234";
    for (String fixture : java.util.List.of("message-echoes.json", "user-preferences.json")) {
      EventRedaction.Result r =
          EventRedaction.withoutContact(Fixtures.bytes(fixture), Set.of("106540352242922"), sheena);
      assertThat(r.empty()).as(fixture).isTrue();
      assertThat(
              EventRedaction.withoutContact(
                      Fixtures.bytes(fixture), Set.of("106540352242922"), "4915000000000")
                  .unchanged())
          .as(fixture)
          .isTrue();
    }
  }
}
