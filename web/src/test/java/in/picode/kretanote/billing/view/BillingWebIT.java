package in.picode.kretanote.billing.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.sandbox.payments.PaymentSimulator;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing over HTTP as its users see it: the operator creates a plan, the owner chooses it, saves a
 * card on the payment simulator's Checkout page (its signed webhook comes back to {@code
 * /webhooks/billing}), the timer bills the period end, the owner downloads the PDF; forged,
 * replayed, oversized and unknown-customer webhooks; other roles and tenants reach nothing; a
 * suspended tenant still receives WhatsApp messages.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class BillingWebIT {

  static final String API_KEY = "sk_test_billing_web";
  static final String SECRET = "whsec_billing_web";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static PaymentSimulator simulator;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    simulator = PaymentSimulator.start(port, API_KEY, SECRET, null);
    return Webhooks.app(
        "billing-web",
        Map.of(
            "kretanote.billing.provider.url",
            simulator.baseUrl(),
            "kretanote.billing.provider.api-key",
            API_KEY,
            "kretanote.billing.provider.webhook-secret",
            SECRET,
            "kretanote.billing.tax-rates",
            "DE=19"));
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
    TestAccounts.clearAddressThrottle();
  }

  @ArquillianResource URL base;

  @BeforeEach
  void callbacks() {
    simulator.webhookUrl(base.toString() + "webhooks/billing");
    TestAccounts.clearAddressThrottle();
  }

  static String run() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  }

  static void await(String what, java.util.function.BooleanSupplier condition, int seconds) {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + seconds + " s: " + what);
      }
      Webhooks.pause(200);
    }
  }

  HttpResponse<String> postWebhook(byte[] body, String signature) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(base.toString() + "webhooks/billing"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      r.header("Stripe-Signature", signature);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void operatorSellsOwnerSubscribesSavesACardIsBilledAndDownloadsThePdf() throws Exception {
    String run = run();
    String code = "growth-" + run;
    WebClient operator = WebClient.signedIn(base, "operator@kretanote.test", "Kreta-IT-only-2026");
    Document plans =
        operator.submit(
            operator.get("operator/plans.xhtml"),
            "plan",
            Map.of(
                "code",
                code,
                "name",
                "Growth " + run,
                "currency",
                "EUR",
                "monthly",
                "4900",
                "yearly",
                "49000",
                "included",
                "2",
                "seat",
                "900",
                "max",
                "25",
                "allowance",
                "1000",
                "overage",
                "500"),
            "save");
    assertThat(plans.text()).contains("Plan " + code + " created.");
    assertThat(plans.getElementById("plans").text()).contains(code).contains("4900");
    Document bad =
        operator.submit(
            operator.get("operator/plans.xhtml"),
            "plan",
            Map.of(
                "code",
                "bad-" + run,
                "name",
                "Bad",
                "currency",
                "EUX",
                "monthly",
                "1",
                "yearly",
                "1",
                "included",
                "1",
                "seat",
                "0",
                "max",
                "1",
                "allowance",
                "0",
                "overage",
                "0"),
            "save");
    assertThat(bad.text()).contains("EUX is not an ISO 4217 currency");
    assertThat(Webhooks.count("select count(*) from billing_plan where code = ?", "bad-" + run))
        .isZero();

    User owner = TestAccounts.owner("Billing", run);
    WebClient browser = WebClient.signedIn(base, owner.email(), PASSWORD);
    Document page = browser.get("app/settings/billing.xhtml");
    assertThat(page.text()).contains("Choose a plan");
    // The billing details are asked here, with the plan, not at sign-up: all missing ones at once.
    Document noDetails =
        browser.submit(
            page,
            "choose",
            Map.of("plan_input", code, "interval_input", "MONTH", "seats", "3"),
            "start");
    assertThat(noDetails.text())
        .contains("Enter the legal name for invoices.")
        .contains("Enter the billing address.")
        .contains("Enter the city.")
        .contains("Choose the country.")
        .doesNotContain("TRIAL");
    Map<String, String> details =
        Map.of(
            "legalName", "Billing " + run + " GmbH",
            "addressLine", "Hauptstraße 1",
            "postalCode", "10115",
            "city", "Berlin",
            "country_input", "DE");
    Map<String, String> absurdForm = new java.util.HashMap<>(details);
    absurdForm.putAll(Map.of("plan_input", code, "interval_input", "MONTH", "seats", "5000"));
    Document absurd = browser.submit(page, "choose", absurdForm, "start");
    assertThat(absurd.text()).contains("allows at most 25 seats; you asked for 5000");
    Document again = browser.get("app/settings/billing.xhtml");
    assertThat(again.getElementById("choose:legalName").val())
        .isEqualTo("Billing " + run + " GmbH");
    Document chosen =
        browser.submit(
            again,
            "choose",
            Map.of("plan_input", code, "interval_input", "MONTH", "seats", "3"),
            "start");
    assertThat(chosen.getElementById("status").text())
        .contains("Growth " + run)
        .contains("3 seats")
        .contains("Trial");
    assertThat(chosen.text()).contains("Card: none saved");

    // Add a card: off to the simulator's Checkout page, type the card, back to the billing page.
    Document checkout = browser.submit(chosen, "card-form", Map.of(), "add-card");
    assertThat(checkout.location()).startsWith(simulator.baseUrl() + "/checkout/cs_");
    HttpResponse<String> typed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(checkout.location()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=4242+4242+4242+4242"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(typed.statusCode()).isEqualTo(303);
    assertThat(typed.headers().firstValue("Location").orElseThrow())
        .contains("/app/settings/billing.xhtml?card=saved");
    await(
        "the card is on file",
        () ->
            Webhooks.count(
                    "select count(*) from subscription where tenant_id = ? and"
                        + " payment_method_label = 'visa •••• 4242'",
                    owner.tenantId())
                == 1,
        20);
    assertThat(browser.get("app/settings/billing.xhtml").text()).contains("Card: visa •••• 4242");

    // A replay of the same signed event, a forgery, an old signature, no signature, too large.
    PaymentSimulator.Sent saved =
        simulator.sent().stream()
            .filter(s -> s.type().equals("checkout.session.completed"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(saved.status()).isEqualTo(200);
    assertThat(simulator.resend(saved.eventId())).isEqualTo(200);
    assertThat(
            Webhooks.count(
                "select count(*) from provider_event where event_id = ?", saved.eventId()))
        .isEqualTo(1);
    byte[] body =
        saved.body().replace(saved.eventId(), "evt_forged_" + run).getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    assertThat(
            postWebhook(
                    body,
                    PaymentSimulator.signature(
                        "whsec_other", now, new String(body, StandardCharsets.UTF_8)))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            postWebhook(
                    body,
                    PaymentSimulator.signature(
                        SECRET, now - 3600, new String(body, StandardCharsets.UTF_8)))
                .body())
        .contains("tolerance");
    assertThat(postWebhook(body, null).statusCode()).isEqualTo(400);
    assertThat(postWebhook(new byte[300_000], "t=1,v1=00").statusCode()).isEqualTo(413);
    assertThat(
            Webhooks.count(
                "select count(*) from provider_event where event_id like ?", "evt_forged_%"))
        .isZero();
    String unknown =
        "{\"id\":\"evt_unknown_"
            + run
            + "\",\"type\":\"checkout.session.completed\",\"data\":"
            + "{\"object\":{\"customer\":\"cus_nobody\",\"payment_method\":\"pm_x\"}}}";
    HttpResponse<String> answer =
        postWebhook(
            unknown.getBytes(StandardCharsets.UTF_8),
            PaymentSimulator.signature(SECRET, now, unknown));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("refused: no account has customer cus_nobody");

    // The trial ends: the timer bills the first month (49.00 + 1 extra seat 9.00, + 19 % VAT).
    TestAccounts.update(
        "update subscription set trial_ends_at = ?, period_end = ? where tenant_id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
        java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
        owner.tenantId());
    await(
        "the timer billed the period end",
        () ->
            Webhooks.count(
                    "select count(*) from invoice where tenant_id = ? and status = 'PAID'",
                    owner.tenantId())
                == 1,
        90);
    assertThat(
            Webhooks.rows(
                "select subtotal_minor, tax_minor, total_minor from invoice where tenant_id = ?",
                owner.tenantId()))
        .containsExactly(java.util.List.of("5800", "1102", "6902"));
    Document active = browser.get("app/settings/billing.xhtml");
    assertThat(active.getElementById("status").text()).contains("Active");
    assertThat(active.getElementById("invoices").text()).contains("EUR 69.02").contains("Paid");
    String id = Webhooks.string("select id from invoice where tenant_id = ?", owner.tenantId());
    HttpResponse<String> pdf = browser.raw("app/settings/billing/invoice?id=" + id);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");

    // Another business's owner gets 404 for that id; this business's admin is not let in.
    User stranger = TestAccounts.owner("Stranger", run);
    assertThat(
            WebClient.signedIn(base, stranger.email(), PASSWORD)
                .raw("app/settings/billing/invoice?id=" + id)
                .statusCode())
        .isEqualTo(404);
    User admin = TestAccounts.user(owner.tenantId(), "admin-" + run + "@example.com", "ADMIN");
    WebClient adminBrowser = WebClient.signedIn(base, admin.email(), PASSWORD);
    assertThat(adminBrowser.raw("app/settings/billing/invoice?id=" + id).statusCode())
        .isEqualTo(403);
    assertThat(adminBrowser.raw("app/settings/billing.xhtml").statusCode()).isEqualTo(403);
    assertThat(
            postWebhook(
                    unknown.getBytes(StandardCharsets.UTF_8),
                    PaymentSimulator.signature(SECRET, now, unknown))
                .body())
        .isEqualTo("already received");
  }

  @Test
  void aSuspendedTenantStillReceivesAndStoresInboundMessages() throws Exception {
    String run = run();
    Webhooks.Tenant tenant = Webhooks.tenantWithNumber("Suspended " + run);
    TestAccounts.update(
        "insert into billing_plan (code, name, created_at) values (?, 'Suspended plan', now(6))",
        "susp-" + run);
    TestAccounts.update(
        "insert into billing_plan_version (plan_id, version_no, currency, monthly_price_minor,"
            + " yearly_price_minor, included_seats, seat_price_minor, max_seats, message_allowance,"
            + " overage_per_thousand_minor, created_at) select id, 1, 'EUR', 1000, 10000, 1, 0, 5,"
            + " 0, 0, now(6) from billing_plan where code = ?",
        "susp-" + run);
    TestAccounts.update(
        "insert into subscription (tenant_id, plan_version_id, billing_interval, seats, currency,"
            + " status, period_start, period_end, suspended_at, created_at) select ?, v.id,"
            + " 'MONTH', 1, 'EUR', 'SUSPENDED', now(6), now(6) + interval 1 month, now(6), now(6)"
            + " from billing_plan_version v join billing_plan p on p.id = v.plan_id where p.code = ?",
        tenant.id(),
        "susp-" + run);
    Customer ana =
        Customer.phone(
            "49170" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)), "Ana");
    Inbound hello = Inbound.text(ana, "Hallo, seid ihr noch da?");
    byte[] body =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba", new Messages(tenant.phoneNumberId(), "15550001111").add(hello).change()));
    assertThat(Webhooks.post(URI.create(base.toString() + "webhooks/whatsapp"), body).status())
        .isEqualTo(200);
    assertThat(Webhooks.awaitApplied(body)).isEqualTo("APPLIED");
    assertThat(
            Webhooks.rows(
                "select direction, text from message where tenant_id = ? and wamid = ?",
                tenant.id(),
                hello.id()))
        .containsExactly(java.util.List.of("INBOUND", "Hallo, seid ihr noch da?"));
  }
}
