package in.picode.kretanote.testing;

import in.picode.kretanote.inbound.control.MalformedWebhookException;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.inbound.control.WebhookPayloadParser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Webhooks as Meta sends them, for ITs that apply them through the inbound pipeline's boundary
 * without HTTP: a customer's message to a number, wrapped in a {@code messages} change, parsed by
 * the production parser and routed to a connection.
 */
public final class InboundWebhooks {

  private InboundWebhooks() {}

  /** The value of a {@code messages} change: {@code message} from {@code waId} to {@code pnid}. */
  public static JsonObject customerMessage(
      String pnid, String waId, String profileName, JsonObject message) {
    return Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add(
            "metadata",
            Json.createObjectBuilder()
                .add("display_phone_number", "15550001111")
                .add("phone_number_id", pnid))
        .add(
            "contacts",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("profile", Json.createObjectBuilder().add("name", profileName))
                        .add("wa_id", waId)))
        .add("messages", Json.createArrayBuilder().add(message))
        .build();
  }

  /** A webhook body holding one {@code messages} change with {@code value}. */
  public static byte[] body(JsonObject value) {
    return Json.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add(
            "entry",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("id", "1")
                        .add(
                            "changes",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("field", "messages")
                                        .add("value", value)))))
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The message changes of {@link #body}, parsed and routed to {@code connectionId}. */
  public static List<RoutedChange> routed(long connectionId, JsonObject value)
      throws MalformedWebhookException {
    return new WebhookPayloadParser()
        .parse(body(value)).messageChanges().stream()
            .map(c -> new RoutedChange(0L, connectionId, c, Instant.now()))
            .toList();
  }
}
