package in.picode.kretanote.inbound.rest;

import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.post;
import static in.picode.kretanote.testing.Webhooks.rows;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Status;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applying in batches: the applier gathers for 2 s here, so a burst of webhooks is claimed and
 * applied as one batch (contacts, conversations, messages and statuses with one query each per
 * batch). The result must be what applying them one by one gives: every message once, in its
 * conversation's order, redeliveries and a wamid repeated in another body ignored, a reply linked
 * to the message it quotes in the same batch, statuses moved up only, and one event that fails in
 * the database isolated and retried while its batch-mates are applied.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class BatchedApplyIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("batched", Map.of("kretanote.webhook.apply.gather", "PT2S"));
  }

  @ArquillianResource URL base;

  byte[] send(Tenant tenant, Messages messages) {
    byte[] body =
        MetaJson.bytes(WebhookPayloads.single("waba-" + tenant.phoneNumberId(), messages.change()));
    URI endpoint = URI.create(base.toString()).resolve("webhooks/whatsapp");
    assertThat(post(endpoint, body).status()).isEqualTo(200);
    return body;
  }

  @Test
  void aBurstAppliedInOneBatchEndsAsAppliedOneByOne() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant = Webhooks.tenantWithNumber("Batch Bistro " + run);
    String poison = "wamid.poison." + run;
    Webhooks.execute("DROP TRIGGER IF EXISTS batch_it_poison");
    Webhooks.execute(
        "CREATE TRIGGER batch_it_poison BEFORE INSERT ON message FOR EACH ROW"
            + " BEGIN IF NEW.wamid LIKE 'wamid.poison.%' THEN"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poisoned for the test'; END IF; END");
    try {
      String outbound = "wamid.out." + run;
      String waOut = "4917" + (20_000_000 + new Random().nextInt(9_000_000));
      Webhooks.outboundMessage(tenant, waOut, outbound);
      Instant t0 = Instant.now().minusSeconds(600);
      List<Customer> customers = new ArrayList<>();
      long first = 10_000_000L + new Random().nextInt(80_000_000);
      for (int c = 0; c < 8; c++) {
        customers.add(Customer.phone("4915" + (first + c), "Gast " + c));
      }
      // Each customer writes three messages; they are posted in a shuffled order, each twice.
      List<Messages> bodies = new ArrayList<>();
      for (int c = 0; c < customers.size(); c++) {
        for (int k = 0; k < 3; k++) {
          bodies.add(
              new Messages(tenant.phoneNumberId(), "15550001111")
                  .add(
                      Inbound.text(customers.get(c), "Nachricht " + k)
                          .withId("wamid.b." + run + "." + c + "." + k)
                          .at(t0.plusSeconds(10L * k + c))));
        }
      }
      // A reply that quotes a message of the same burst, and a wamid repeated in another body.
      bodies.add(
          new Messages(tenant.phoneNumberId(), "15550001111")
              .add(
                  Inbound.text(customers.get(0), "Antwort")
                      .withId("wamid.b." + run + ".reply")
                      .replyTo("wamid.b." + run + ".0.0")
                      .at(t0.plusSeconds(100)))
              .add(
                  Inbound.text(customers.get(1), "Nachricht 0")
                      .withId("wamid.b." + run + ".1.0")
                      .at(t0.plusSeconds(1))));
      Collections.shuffle(bodies, new Random(7));
      // Statuses of the business's message, the highest first.
      Customer recipient = Customer.phone(waOut, null);
      for (String status : List.of("read", "delivered", "sent")) {
        bodies.add(
            new Messages(tenant.phoneNumberId(), "15550001111")
                .add(Status.of(outbound, status, recipient, "service", "regular")));
      }
      List<byte[]> sent = new ArrayList<>();
      for (Messages m : bodies) {
        sent.add(send(tenant, m));
        send(tenant, m); // Meta's redelivery
      }
      for (byte[] body : sent) {
        assertThat(Webhooks.awaitApplied(body)).isEqualTo("APPLIED");
      }

      assertThat(
              count(
                  "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND direction = 'INBOUND'",
                  tenant.id()))
          .as("24 messages and the reply, each once")
          .isEqualTo(25);
      for (int c = 0; c < customers.size(); c++) {
        List<List<String>> texts =
            rows(
                "SELECT m.text FROM message m JOIN conversation v ON v.id = m.conversation_id"
                    + " JOIN contact ct ON ct.id = v.contact_id WHERE m.tenant_id = ?"
                    + " AND ct.wa_id = ? AND m.direction = 'INBOUND' ORDER BY m.created_at, m.id",
                tenant.id(),
                customers.get(c).waId());
        List<String> expected =
            new ArrayList<>(List.of("Nachricht 0", "Nachricht 1", "Nachricht 2"));
        if (c == 0) {
          expected.add("Antwort");
        }
        assertThat(texts.stream().map(r -> r.get(0)).toList())
            .as("customer " + c)
            .isEqualTo(expected);
        assertThat(
                count(
                    "SELECT v.unread_count FROM conversation v JOIN contact ct ON ct.id = v.contact_id"
                        + " WHERE v.tenant_id = ? AND ct.wa_id = ?",
                    tenant.id(),
                    customers.get(c).waId()))
            .as("unread of customer " + c)
            .isEqualTo(expected.size());
      }
      assertThat(
              count(
                  "SELECT COUNT(*) FROM contact WHERE tenant_id = ? AND wa_id LIKE '4915%'",
                  tenant.id()))
          .isEqualTo(customers.size());
      assertThat(
              string(
                  "SELECT q.wamid FROM message m JOIN message q ON q.id = m.context_message_id"
                      + " WHERE m.wamid = ?",
                  "wamid.b." + run + ".reply"))
          .isEqualTo("wamid.b." + run + ".0.0");
      assertThat(string("SELECT status FROM message WHERE wamid = ?", outbound)).isEqualTo("READ");
      assertThat(
              count(
                  "SELECT COUNT(*) FROM message_status WHERE tenant_id = ? AND wamid = ?",
                  tenant.id(),
                  outbound))
          .isEqualTo(3);

      // A second burst with one event that fails in the database: its batch-mates are applied.
      List<byte[]> mates = new ArrayList<>();
      mates.add(
          send(
              tenant,
              new Messages(tenant.phoneNumberId(), "15550001111")
                  .add(Inbound.text(customers.get(3), "Vorher").withId("wamid.b." + run + ".m1"))));
      byte[] poisoned =
          send(
              tenant,
              new Messages(tenant.phoneNumberId(), "15550001111")
                  .add(Inbound.text(customers.get(2), "Gift").withId(poison)));
      mates.add(
          send(
              tenant,
              new Messages(tenant.phoneNumberId(), "15550001111")
                  .add(
                      Inbound.text(customers.get(4), "Nachher").withId("wamid.b." + run + ".m2"))));
      for (byte[] body : mates) {
        assertThat(Webhooks.awaitApplied(body)).isEqualTo("APPLIED");
      }
      assertThat(
              count(
                  "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND wamid LIKE ?",
                  tenant.id(),
                  "wamid.b." + run + ".m%"))
          .isEqualTo(2);
      // The poisoned event failed alone and waits for its next attempt with the error.
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      List<List<String>> state;
      do {
        Webhooks.pause(300);
        state =
            rows(
                "SELECT state, attempts, reason FROM webhook_event WHERE body_sha256 = ?",
                Webhooks.sha256(poisoned));
      } while (Integer.parseInt(state.get(0).get(1)) == 0 && Instant.now().isBefore(deadline));
      assertThat(state.get(0).get(0)).isEqualTo("RECEIVED");
      assertThat(Integer.parseInt(state.get(0).get(1))).isPositive();
      assertThat(state.get(0).get(2)).contains("poisoned for the test");
      assertThat(count("SELECT COUNT(*) FROM message WHERE wamid = ?", poison)).isZero();
    } finally {
      Webhooks.execute("DROP TRIGGER IF EXISTS batch_it_poison");
    }
    // Once the fault is gone, its retry applies it.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (count("SELECT COUNT(*) FROM message WHERE wamid = ?", poison) == 0
        && Instant.now().isBefore(deadline)) {
      Webhooks.pause(500);
    }
    assertThat(count("SELECT COUNT(*) FROM message WHERE wamid = ?", poison)).isEqualTo(1);
  }
}
