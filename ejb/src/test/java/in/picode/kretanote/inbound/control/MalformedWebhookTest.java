package in.picode.kretanote.inbound.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that are not a WhatsApp webhook at all, so nothing of them may be used. */
class MalformedWebhookTest {

  private static final String ENVELOPE = "{\"object\":\"whatsapp_business_account\",\"entry\":";

  private final WebhookPayloadParser parser = new WebhookPayloadParser();

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "''                                                      | body: empty",
        "'   '                                                   | body: empty",
        "hello                                                   | body: not valid JSON",
        "[]                                                      | body: not a JSON object",
        "42                                                      | body: not a JSON object",
        "'\"whatsapp_business_account\"'                         | body: not a JSON object",
        "null                                                    | body: not a JSON object",
        "'{\"object\":\"whatsapp_business_account\"'             | body: not valid JSON",
        "'{\"object\":\"whatsapp_business_account\",\"entry\":[]} trailing' | body: content after the JSON object",
        "'{}{}'                                                  | body: content after the JSON object",
        "'{\"object\":\"whatsapp_business_account\",}'           | body: not valid JSON",
        "'{\"entry\":[]}'                                        | object: missing",
        "'{\"object\":\"page\",\"entry\":[]}'                    | object: expected \"whatsapp_business_account\"",
        "'{\"object\":7,\"entry\":[]}'                           | object: expected \"whatsapp_business_account\"",
        "'{\"object\":\"whatsapp_business_account\"}'            | entry: missing",
        "'{\"object\":\"whatsapp_business_account\",\"entry\":{}}' | entry: must be an array, found an object",
        "'{\"object\":\"whatsapp_business_account\",\"entry\":null}' | entry: must be an array, found null",
        "'{\"object\":\"whatsapp_business_account\",\"entry\":[],\"n\":1e999999999999}' | body: a number is out of range",
      })
  void refusesTheWholeBody(String body, String message) {
    assertThatThrownBy(() -> parser.parse(body.getBytes(UTF_8)))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void saysWhereTheJsonBreaks() {
    assertThatThrownBy(() -> parser.parse("{\n  \"object\": whatsapp}".getBytes(UTF_8)))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageMatching("body: not valid JSON at line 2, column \\d+");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] body = (ENVELOPE + "[{\"id\":\"caf\u00e9\"}]}").getBytes(UTF_8);
    byte[] latin1 =
        (ENVELOPE + "[{\"id\":\"caf\u00e9\"}]}")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> parser.parse(latin1))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessage("body: not valid UTF-8");
    assertThat(body).isNotEqualTo(latin1);
  }

  @Test
  void refusesNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
    for (int depth : new int[] {BoundedJsonReader.MAX_DEPTH, 100_000}) {
      String deep = "[".repeat(depth) + "]".repeat(depth);
      byte[] body = (ENVELOPE + "[],\"x\":" + deep + "}").getBytes(UTF_8);

      assertThatThrownBy(() -> parser.parse(body))
          .isInstanceOf(MalformedWebhookException.class)
          .hasMessage("body: nested deeper than " + BoundedJsonReader.MAX_DEPTH + " levels");
    }
  }

  @Test
  void acceptsNestingUpToTheLimit() throws MalformedWebhookException {
    int depth = BoundedJsonReader.MAX_DEPTH - 2;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    byte[] body = (ENVELOPE + "[],\"x\":" + deep + "}").getBytes(UTF_8);

    assertThat(parser.parse(body).changes()).isEmpty();
  }

  @Test
  void refusesAbsurdlyLongNumbers() {
    byte[] body = (ENVELOPE + "[],\"n\":" + "9".repeat(100_000) + "}").getBytes(UTF_8);

    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessage(
            "body: a number literal is longer than "
                + BoundedJsonReader.MAX_NUMBER_LITERAL
                + " characters");
  }

  @Test
  void acceptsAnEmptyEntryListAndAByteOrderMark() throws MalformedWebhookException {
    assertThat(parser.parse((ENVELOPE + "[]}").getBytes(UTF_8)).changes()).isEmpty();
    assertThat(parser.parse(("\uFEFF" + ENVELOPE + "[]}").getBytes(UTF_8)).isComplete()).isTrue();
  }

  @Test
  void rejectsOnlyTheElementWhenANumberIsOutOfRangeInside() throws MalformedWebhookException {
    String message =
        "{\"from\":\"4915112345678\",\"id\":\"wamid.X\",\"type\":\"text\",\"text\":{\"body\":\"x\"},"
            + "\"timestamp\":";
    String body =
        ENVELOPE
            + "[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":"
            + "{\"phone_number_id\":\"2\"},\"messages\":["
            + message
            + "1e30},"
            + message
            + "\"-5\"},"
            + message
            + "1764000000.5},"
            + message
            + "1764000000}]}}]}]}";

    ParsedWebhook parsed = parser.parse(body.getBytes(UTF_8));

    assertThat(parsed.rejections())
        .extracting(Rejection::reason)
        .containsExactly(
            "\"timestamp\" is out of range",
            "\"timestamp\" must be Unix time in seconds",
            "\"timestamp\" must be a whole number of seconds");
    assertThat(parsed.messageChanges().get(0).messages()).hasSize(1);
  }

  @Test
  void neverQuotesTheBodyInItsReason() {
    byte[] body = "{\"secret-customer-text\": hallo}".getBytes(UTF_8);

    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOf(MalformedWebhookException.class)
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("hallo"));
  }
}
