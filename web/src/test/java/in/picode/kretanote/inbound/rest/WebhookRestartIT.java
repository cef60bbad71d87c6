package in.picode.kretanote.inbound.rest;

import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.post;
import static in.picode.kretanote.testing.Webhooks.rows;
import static in.picode.kretanote.testing.Webhooks.sha256;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Status;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server stops between acknowledging webhooks and applying them. The first server is a real
 * Payara Micro process with applying switched off ({@code kretanote.webhook.apply.enabled=false}),
 * so the window between acknowledgement and application stays open for as long as the test wants;
 * undeploying stops that process. A second process (the restart) starts on the same database with
 * applying on, and its sweep must apply every acknowledged event exactly once, including one whose
 * lease a crashed server still held.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookRestartIT {

  @Deployment(name = "paused", managed = false, testable = false)
  static WebArchive paused() {
    return Webhooks.app("paused", Map.of("kretanote.webhook.apply.enabled", "false"));
  }

  @Deployment(name = "restarted", managed = false, testable = false)
  static WebArchive restarted() {
    return Webhooks.app("restarted", Map.of());
  }

  @ArquillianResource Deployer deployer;

  @Test
  @Order(1)
  void startAServerThatAcknowledgesButDoesNotApply() {
    deployer.deploy("paused");
  }

  @Test
  @Order(2)
  void everyAcknowledgedEventIsAppliedOnceAfterTheRestart(
      @ArquillianResource @OperateOnDeployment("paused") URL base) {
    URI endpoint = URI.create(base.toString()).resolve("webhooks/whatsapp");
    Tenant tenant = Webhooks.tenantWithNumber("Restart " + System.nanoTime());
    Customer ana =
        Customer.phone("4915" + (100_000_000L + System.nanoTime() % 899_999_999L), "Ana");
    String outbound = WebhookPayloads.newWamid();
    long outboundId = Webhooks.outboundMessage(tenant, ana.waId(), outbound);

    List<byte[]> bodies = new ArrayList<>();
    List<String> wamids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Inbound m = Inbound.text(ana, "Nachricht " + i + " ✓");
      wamids.add(m.id());
      bodies.add(body(tenant, new Messages(tenant.phoneNumberId(), "15550001111").add(m)));
    }
    Instant t0 = Instant.now().minusSeconds(60);
    List<String> statuses = List.of("read", "delivered", "sent");
    for (int i = 0; i < statuses.size(); i++) {
      Status s =
          Status.of(outbound, statuses.get(i), ana, "service", "free_customer_service")
              .at(t0.plusSeconds(10 - i));
      bodies.add(body(tenant, new Messages(tenant.phoneNumberId(), "15550001111").add(s)));
    }
    for (byte[] body : bodies) {
      assertThat(post(endpoint, body).status()).isEqualTo(200);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(post(endpoint, bodies.get(i)).status()).as("a redelivery").isEqualTo(200);
    }
    // A server that crashed while applying: it had claimed this event and never finished.
    Webhooks.execute(
        "UPDATE webhook_event SET lease_owner = 'crashed-server/1', attempts = 1,"
            + " lease_until = NOW(6) - INTERVAL 1 SECOND WHERE body_sha256 = ?",
        sha256(bodies.get(7)));

    Webhooks.pause(6_000);
    assertThat(
            count(
                "SELECT COUNT(*) FROM webhook_event e WHERE e.state = 'RECEIVED' AND e.body_sha256 IN ("
                    + "?,".repeat(bodies.size() - 1)
                    + "?)",
                bodies.stream().map(Webhooks::sha256).toArray()))
        .as("all acknowledged, none applied before the stop")
        .isEqualTo(bodies.size());
    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", tenant.id()))
        .as("only the outbound message the test wrote")
        .isEqualTo(1);

    deployer.undeploy("paused");
    deployer.deploy("restarted");
    try {
      Webhooks.awaitNothingPending(Duration.ofSeconds(90));
      for (int i = 0; i < bodies.size(); i++) {
        assertThat(
                rows(
                    "SELECT state, deliveries FROM webhook_event WHERE body_sha256 = ?",
                    sha256(bodies.get(i))))
            .as("event %d", i)
            .containsExactly(List.of("APPLIED", i < 5 ? "2" : "1"));
      }
      for (String wamid : wamids) {
        assertThat(count("SELECT COUNT(*) FROM message WHERE wamid = ?", wamid)).isEqualTo(1);
      }
      assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", tenant.id()))
          .isEqualTo(41);
      assertThat(string("SELECT unread_count FROM conversation WHERE tenant_id = ?", tenant.id()))
          .isEqualTo("40");
      assertThat(string("SELECT status FROM message WHERE id = ?", outboundId))
          .as("statuses applied in reverse order end at the highest")
          .isEqualTo("READ");
    } finally {
      deployer.undeploy("restarted");
    }
  }

  private static byte[] body(Tenant tenant, Messages messages) {
    return MetaJson.bytes(
        WebhookPayloads.single("waba-" + tenant.phoneNumberId(), messages.change()));
  }
}
