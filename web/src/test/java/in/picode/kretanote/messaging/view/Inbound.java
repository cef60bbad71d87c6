package in.picode.kretanote.messaging.view;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;

/** Customer messages posted as Meta's signed webhooks, the way they reach a real inbox. */
final class Inbound {

  private Inbound() {}

  static URI endpoint(URL base) {
    return URI.create(base.toString()).resolve("webhooks/whatsapp");
  }

  /** Posts one text message and returns once the pipeline applied it. */
  static void text(URL base, Webhooks.Tenant tenant, String waId, String name, String body) {
    post(base, tenant, WebhookPayloads.Inbound.text(Customer.phone(waId, name), body));
  }

  static void post(URL base, Webhooks.Tenant tenant, WebhookPayloads.Inbound message) {
    byte[] payload =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba-" + tenant.phoneNumberId(),
                new Messages(tenant.phoneNumberId(), "15550001111").add(message).change()));
    Webhooks.Answer answer = Webhooks.post(endpoint(base), payload);
    if (answer.status() != 200) {
      throw new AssertionError("webhook answered " + answer.status() + ": " + answer.body());
    }
    String state = Webhooks.awaitApplied(payload);
    if (!state.equals("APPLIED")) {
      throw new AssertionError("webhook event ended " + state);
    }
  }

  /** Meta reports a status of one of the business's messages (delivered, read, failed). */
  static void status(URL base, Webhooks.Tenant tenant, String wamid, String waId, String status) {
    byte[] payload =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba-" + tenant.phoneNumberId(),
                new Messages(tenant.phoneNumberId(), "15550001111")
                    .add(
                        WebhookPayloads.Status.of(
                            wamid, status, Customer.phone(waId, null), "service", "regular"))
                    .change()));
    Webhooks.Answer answer = Webhooks.post(endpoint(base), payload);
    if (answer.status() != 200) {
      throw new AssertionError("webhook answered " + answer.status() + ": " + answer.body());
    }
  }

  static long conversationOf(Webhooks.Tenant tenant, String waId) {
    return Webhooks.count(
        "SELECT c.id FROM conversation c JOIN contact ct ON ct.tenant_id = c.tenant_id"
            + " AND ct.id = c.contact_id WHERE c.tenant_id = ? AND ct.wa_id = ?",
        tenant.id(),
        waId);
  }
}
