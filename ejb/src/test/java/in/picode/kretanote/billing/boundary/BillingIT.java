package in.picode.kretanote.billing.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.billing.entity.BillingInterval;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.billing.entity.Subscription;
import in.picode.kretanote.billing.entity.SubscriptionStatus;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.sandbox.payments.PaymentSimulator;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.MovableClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing in the container with the payment simulator and a movable clock: trial expiry, payments
 * that succeed and fail, dunning to suspension and back, replayed and forged webhooks, a prorated
 * plan change checked by hand, invoice numbering under two concurrent runs, and bad input.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

  static final String API_KEY = "sk_test_billing_it";
  static final String SECRET = "whsec_billing_it";

  @Deployment
  static WebArchive deployment() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String config =
        String.join(
            "\n",
            "kretanote.billing.provider.url=http://127.0.0.1:" + port,
            "kretanote.billing.provider.api-key=" + API_KEY,
            "kretanote.billing.provider.webhook-secret=" + SECRET,
            "kretanote.billing.tax-rates=DE=19,AT=20",
            "kretanote.it.payments.port=" + port,
            "");
    return Deployments.core("billing")
        .addPackage(PaymentSimulator.class.getPackage())
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  static PaymentSimulator simulator;

  static synchronized PaymentSimulator simulator() throws IOException {
    if (simulator == null) {
      int port = ConfigProvider.getConfig().getValue("kretanote.it.payments.port", Integer.class);
      simulator = PaymentSimulator.start(port, API_KEY, SECRET, null);
    }
    return simulator;
  }

  @Inject Plans plans;
  @Inject Subscriptions subscriptions;
  @Inject BillingRun run;
  @Inject ProviderWebhooks webhooks;
  @Inject Standing standing;

  @Resource ManagedExecutorService executor;

  @AfterEach
  void realTime() {
    MovableClock.reset();
  }

  static String code(String name) {
    return name.toLowerCase(java.util.Locale.ROOT)
        + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
  }

  String plan(String name, String currency, long monthly) {
    String code = code(name);
    plans.create(
        code,
        name,
        new PlanVersion.Prices(currency, monthly, monthly * 10, 2, 500, 20, 1000, 800, ""));
    return code;
  }

  static long tenant(String name, String country, Instant createdAt) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into tenant (name, status, created_at, legal_name, country)"
                    + " values (?, 'ACTIVE', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, name);
      s.setTimestamp(2, Timestamp.from(createdAt));
      s.setString(3, name + " GmbH");
      s.setString(4, country);
      s.executeUpdate();
      long id;
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        id = k.getLong(1);
      }
      try (PreparedStatement u =
          c.prepareStatement(
              "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                  + " status) values (?, ?, 'Owner', 'x', 'OWNER', 'ACTIVE')",
              Statement.RETURN_GENERATED_KEYS)) {
        u.setLong(1, id);
        u.setString(2, "owner-" + id + "-" + code("o") + "@example.com");
        u.executeUpdate();
        try (ResultSet k = u.getGeneratedKeys()) {
          k.next();
          OWNERS.put(id, k.getLong(1));
        }
      }
      return id;
    }
  }

  static final java.util.Map<Long, Long> OWNERS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The owner (acting user) of tenant {@code t}. */
  static long u(long t) {
    return OWNERS.get(t);
  }

  static <T> T as(long tenant, Callable<T> work) throws Exception {
    return Tenancy.callAs(tenant, work);
  }

  static List<List<String>> rows(String sql, Object... params) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<List<String>> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(r.getString(i));
          }
          out.add(row);
        }
      }
      return out;
    }
  }

  static String one(String sql, Object... params) throws Exception {
    List<List<String>> r = rows(sql, params);
    return r.isEmpty() ? null : r.get(0).get(0);
  }

  /** The owner saves {@code card} through Checkout; the signed webhook is delivered to us. */
  String saveCard(long tenant, String card) throws Exception {
    String url = as(tenant, () -> subscriptions.startCheckout("http://x/ok", "http://x/no", null));
    String session = url.substring(url.lastIndexOf('/') + 1);
    int before = simulator().sent().size();
    simulator().completeCheckout(session, card);
    PaymentSimulator.Sent event = awaitEvent(before, "checkout.session.completed");
    assertThat(deliver(event.body())).isEqualTo("payment method saved");
    return event.eventId();
  }

  PaymentSimulator.Sent awaitEvent(int after, String type) throws Exception {
    for (int i = 0; i < 100; i++) {
      List<PaymentSimulator.Sent> sent = simulator().sent();
      for (int j = after; j < sent.size(); j++) {
        if (sent.get(j).type().equals(type)) {
          return sent.get(j);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No " + type + " webhook from the simulator");
  }

  /** Posts a body with a fresh, valid signature (as the provider's retry or a replay would). */
  String deliver(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long now = MovableClock.now().getEpochSecond();
    return webhooks.receive(bytes, ProviderSignature.sign(SECRET, now, bytes));
  }

  Subscription subscription(long tenant) throws Exception {
    return as(tenant, () -> subscriptions.current().orElseThrow());
  }

  @Test
  void trialEndsWithACardOnFileThePaymentSucceedsAndAReplayCreditsNothing() throws Exception {
    simulator();
    Instant created = Instant.parse("2027-03-01T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 2900);
    long t = tenant("Trial Paid", "DE", created);
    as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 2, u(t)));
    String checkoutEvent = saveCard(t, PaymentSimulator.GOOD_CARD);
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.TRIAL);
    assertThat(subscription(t).getPaymentMethodLabel()).isEqualTo("visa •••• 4242");

    MovableClock.set(created.plus(Duration.ofDays(14)).minusSeconds(1));
    run.runDue();
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.TRIAL);
    assertThat(one("select count(*) from invoice where tenant_id = ?", t)).isEqualTo("0");

    int before = simulator().sent().size();
    MovableClock.set(created.plus(Duration.ofDays(14)));
    run.runDue();
    Subscription s = subscription(t);
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(s.getPeriodStart()).isEqualTo(Instant.parse("2027-03-15T00:00:00Z"));
    assertThat(s.getPeriodEnd()).isEqualTo(Instant.parse("2027-04-15T00:00:00Z"));
    // 29.00 plan with 2 included seats, 19 % German VAT: 29.00 + 5.51 = 34.51, paid
    assertThat(
            rows(
                "select kind, status, currency, subtotal_minor, tax_minor, total_minor, tax_rate_bp,"
                    + " series from invoice where tenant_id = ?",
                t))
        .containsExactly(
            List.of("INVOICE", "PAID", "EUR", "2900", "551", "3451", "1900", "INV-2027"));
    assertThat(rows("select status, amount_minor from payment where tenant_id = ?", t))
        .containsExactly(List.of("SUCCEEDED", "3451"));

    // The provider's webhook for the same payment, then replays: nothing is credited twice.
    PaymentSimulator.Sent paid = awaitEvent(before, "payment_intent.succeeded");
    assertThat(deliver(paid.body())).isEqualTo("already paid");
    assertThat(deliver(paid.body())).isEqualTo("already received");
    assertThat(
            deliver(
                rows("select payload from provider_event where event_id = ?", checkoutEvent)
                    .get(0)
                    .get(0)))
        .isEqualTo("already received");
    assertThat(rows("select status, count(*) from payment where tenant_id = ? group by status", t))
        .containsExactly(List.of("SUCCEEDED", "1"));
    assertThat(one("select count(*) from invoice where tenant_id = ? and status = 'PAID'", t))
        .isEqualTo("1");
    assertThat(standing.sendingRefusal(t)).isEmpty();

    // A forged webhook is refused and not stored.
    byte[] forged = paid.body().replace("evt_", "evt_forged").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                webhooks.receive(
                    forged,
                    ProviderSignature.sign(
                        "whsec_wrong", MovableClock.now().getEpochSecond(), forged)))
        .isInstanceOf(ProviderWebhooks.RefusedException.class);
    assertThatThrownBy(
            () ->
                webhooks.receive(
                    forged,
                    ProviderSignature.sign(
                        SECRET, MovableClock.now().getEpochSecond() - 3600, forged)))
        .hasMessageContaining("tolerance");
    assertThat(one("select count(*) from provider_event where event_id like 'evt_forged%'"))
        .isEqualTo("0");

    // The PDF is a real PDF with the invoice number in it.
    long invoiceId = Long.parseLong(one("select id from invoice where tenant_id = ?", t));
    byte[] pdf = as(t, () -> subscriptions.pdf(invoiceId));
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // Another tenant cannot reach it.
    long other = tenant("Other", "DE", created);
    assertThatThrownBy(() -> as(other, () -> subscriptions.pdf(invoiceId)))
        .isInstanceOf(BillingRefusedException.class);
  }

  @Test
  void aDeclinedCardGoesPastDueThroughDunningToSuspensionAndBackOnPayment() throws Exception {
    simulator();
    Instant created = Instant.parse("2028-05-01T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 2900);
    long t = tenant("Dunning", "AT", created);
    as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 1, u(t)));
    saveCard(t, PaymentSimulator.DECLINING_CARD);

    Instant trialEnd = created.plus(Duration.ofDays(14));
    MovableClock.set(trialEnd);
    run.runDue();
    Subscription s = subscription(t);
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(s.getFailedAttempts()).isEqualTo(1);
    assertThat(s.getNextRetryAt()).isEqualTo(trialEnd.plus(Duration.ofDays(1)));
    assertThat(rows("select status, failure from payment where tenant_id = ?", t))
        .containsExactly(List.of("FAILED", "Your card was declined."));
    assertThat(one("select body from notification where tenant_id = ? and kind = 'BILLING'", t))
        .contains("Your card was declined")
        .contains("We will try again on 16 May 2028")
        .contains("still unpaid on 22 May 2028");
    // Grace period: still allowed to send.
    assertThat(standing.sendingRefusal(t)).isEmpty();

    for (int day : new int[] {1, 3, 5}) {
      MovableClock.set(trialEnd.plus(Duration.ofDays(day)));
      run.runDue();
    }
    assertThat(subscription(t).getFailedAttempts()).isEqualTo(4);
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(one("select count(*) from payment where tenant_id = ? and status = 'FAILED'", t))
        .isEqualTo("4");

    MovableClock.set(trialEnd.plus(Duration.ofDays(7)));
    run.runDue();
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(standing.sendingRefusal(t))
        .hasValueSatisfying(
            r ->
                assertThat(r.english())
                    .contains("Sending is paused because an invoice is unpaid")
                    .contains("incoming messages are still received"));
    assertThat(
            one(
                "select count(*) from notification where tenant_id = ? and subject like"
                    + " 'Sending is paused%'",
                t))
        .isEqualTo("1");
    run.runDue();
    assertThat(one("select count(*) from payment where tenant_id = ?", t)).isEqualTo("4");

    // The owner saves a working card: the open invoice is charged at once, sending resumes.
    MovableClock.set(trialEnd.plus(Duration.ofDays(9)));
    saveCard(t, PaymentSimulator.GOOD_CARD);
    run.runDue();
    s = subscription(t);
    assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(s.getFailedAttempts()).isZero();
    assertThat(standing.sendingRefusal(t)).isEmpty();
    // 29.00 + 20 % Austrian VAT = 34.80, paid once.
    assertThat(rows("select status, total_minor from invoice where tenant_id = ? order by id", t))
        .startsWith(List.of("PAID", "3480"));
    assertThat(one("select count(*) from payment where tenant_id = ? and status = 'SUCCEEDED'", t))
        .isEqualTo("1");
    // The provider's webhooks of the earlier declined attempts arrive late, out of order: they
    // change nothing (no new failure, no new notification, still active).
    long notifications =
        Long.parseLong(one("select count(*) from notification where tenant_id = ?", t));
    List<PaymentSimulator.Sent> late = new ArrayList<>(simulator().sent());
    java.util.Collections.reverse(late);
    String customer = s.getProviderCustomerId();
    int replayed = 0;
    for (PaymentSimulator.Sent e : late) {
      if (e.body().contains(customer) && e.type().startsWith("payment_intent.")) {
        assertThat(deliver(e.body())).isIn("no change", "already paid", "already received");
        replayed++;
      }
    }
    assertThat(replayed).isEqualTo(5);
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription(t).getFailedAttempts()).isZero();
    assertThat(one("select count(*) from notification where tenant_id = ?", t))
        .isEqualTo(Long.toString(notifications));
    assertThat(
            rows(
                "select status, count(*) from payment where tenant_id = ? group by status"
                    + " order by status",
                t))
        .containsExactly(List.of("FAILED", "4"), List.of("SUCCEEDED", "1"));
    // Not billed for the suspended days: the next period starts when it was paid.
    assertThat(s.getPeriodEnd()).isAfterOrEqualTo(trialEnd.plus(Duration.ofDays(9)));
  }

  @Test
  void trialWithoutACardEndsPastDueAndTheTrialOfATenantWithoutPlanEndsToo() throws Exception {
    simulator();
    Instant created = Instant.parse("2029-01-01T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 2900);
    long t = tenant("No card", "DE", created);
    long noPlan = tenant("No plan", "DE", created);
    as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 1, u(t)));
    MovableClock.set(created.plus(Duration.ofDays(14)));
    run.runDue();
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(one("select body from notification where tenant_id = ? and kind = 'BILLING'", t))
        .contains("there is no card on file");
    assertThat(rows("select status from invoice where tenant_id = ?", t))
        .containsExactly(List.of("OPEN"));
    assertThat(standing.sendingRefusal(noPlan))
        .hasValueSatisfying(
            r -> assertThat(r.english()).contains("Your free trial ended on 15 Jan 2029"));
  }

  /**
   * The hand-checked proration: 30-day November, upgrade from 29.00 to 99.00 on the 21st
   * (10 of 30 days left). Credit 29.00 / 3 = 9.67, charge 99.00 / 3 = 33.00, net 23.33, + 19 % VAT
   * 4.43 = 27.76.
   */
  @Test
  void anUpgradeMidPeriodIsProratedAsComputedByHand() throws Exception {
    simulator();
    Instant created = Instant.parse("2030-10-18T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 2900);
    String growth = plan("Growth", "EUR", 9900);
    long t = tenant("Upgrade", "DE", created);
    as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 2, u(t)));
    saveCard(t, PaymentSimulator.GOOD_CARD);
    MovableClock.set(Instant.parse("2030-11-01T00:00:00Z"));
    run.runDue();
    assertThat(subscription(t).getPeriodEnd()).isEqualTo(Instant.parse("2030-12-01T00:00:00Z"));

    MovableClock.set(Instant.parse("2030-11-21T00:00:00Z"));
    as(t, () -> subscriptions.changePlan(growth, u(t)));
    run.runTenant(t);
    long change =
        Long.parseLong(
            one(
                "select id from invoice where tenant_id = ? and billing_key like" + " 'change:%'",
                t));
    assertThat(
            rows(
                "select amount_minor from invoice_line where tenant_id = ? and invoice_id = ?"
                    + " order by position",
                t,
                change))
        .containsExactly(List.of("3300"), List.of("-967"));
    assertThat(
            rows(
                "select subtotal_minor, tax_minor, total_minor, status from invoice where id = ?",
                change))
        .containsExactly(List.of("2333", "443", "2776", "PAID"));
    assertThat(subscription(t).getPlanVersion().getPlan().getCode()).isEqualTo(growth);

    // A downgrade later leaves a credit for the next invoice instead of charging.
    MovableClock.set(Instant.parse("2030-11-26T00:00:00Z"));
    as(t, () -> subscriptions.changePlan(starter, u(t)));
    // 5 of 30 days left: 9900/6 = 1650 credit, 2900/6 = 483.33 → 483 charge: credit 1167
    assertThat(subscription(t).getCreditMinor()).isEqualTo(1167);
  }

  @Test
  void twoConcurrentInvoiceRunsNumberEveryInvoiceOnceWithoutGaps() throws Exception {
    simulator();
    Instant created = Instant.parse("2033-02-01T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 1000);
    List<Long> tenants = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long t = tenant("Concurrent " + i, i % 2 == 0 ? "DE" : "FR", created);
      as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 1, u(t)));
      tenants.add(t);
    }
    MovableClock.set(created.plus(Duration.ofDays(14)));
    Future<Integer> a = executor.submit(() -> run.runDue());
    Future<Integer> b = executor.submit(() -> run.runDue());
    a.get();
    b.get();
    for (long t : tenants) {
      assertThat(one("select count(*) from invoice where tenant_id = ?", t))
          .as("tenant " + t)
          .isEqualTo("1");
    }
    List<List<String>> numbers =
        rows("select number from invoice where series = 'INV-2033' order by number");
    // Every invoice of the year's series (ours and any other tenant's renewed by the same runs):
    // 1, 2, 3 ... without a gap or a duplicate.
    assertThat(numbers.size()).isGreaterThanOrEqualTo(12);
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i).get(0)).isEqualTo(Integer.toString(i + 1));
    }
    assertThat(one("select next_number from invoice_counter where series = 'INV-2033'"))
        .isEqualTo(Integer.toString(numbers.size() + 1));
  }

  @Test
  void badInputIsRefusedClearlyAndChangesNothing() throws Exception {
    simulator();
    Instant created = Instant.parse("2031-01-01T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 2900);
    String dollars = plan("Dollar", "USD", 2900);
    long t = tenant("Bad input", "DE", created);

    assertThatThrownBy(
            () ->
                as(
                    t,
                    () -> subscriptions.choosePlan("no-such-plan", BillingInterval.MONTH, 1, u(t))))
        .hasMessage("There is no plan 'no-such-plan'.");
    assertThatThrownBy(
            () -> as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, -1, u(t))))
        .hasMessage("A subscription needs at least 1 seat.");
    assertThatThrownBy(
            () ->
                as(
                    t,
                    () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 100_000, u(t))))
        .hasMessageContaining("allows at most 20 seats");
    assertThat(one("select count(*) from subscription where tenant_id = ?", t)).isEqualTo("0");

    as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 2, u(t)));
    assertThatThrownBy(() -> as(t, () -> subscriptions.changePlan(dollars, u(t))))
        .hasMessageContaining("priced in USD but this subscription is billed in EUR");
    assertThatThrownBy(() -> as(t, () -> subscriptions.changeSeats(0, u(t))))
        .hasMessage("A subscription needs at least 1 seat.");
    assertThat(subscription(t).getPlanVersion().getPlan().getCode()).isEqualTo(starter);
    assertThat(subscription(t).getSeats()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                plans.create(
                    starter, "Again", new PlanVersion.Prices("EUR", 1, 1, 1, 0, 1, 0, 0, "")))
        .hasMessageContaining("exists already");
    assertThatThrownBy(() -> new PlanVersion.Prices("XYZ", 1, 1, 1, 0, 1, 0, 0, ""))
        .hasMessageContaining("not an ISO 4217 currency");
    assertThatThrownBy(() -> new PlanVersion.Prices("EUR", -5, 1, 1, 0, 1, 0, 0, ""))
        .hasMessageContaining("monthly price");

    // A correctly signed webhook for a customer no tenant has: stored, refused, nothing applied.
    String body =
        "{\"id\":\"evt_unknown_"
            + t
            + "\",\"type\":\"payment_intent.succeeded\",\"data\":"
            + "{\"object\":{\"id\":\"pi_x\",\"customer\":\"cus_nobody\",\"amount\":3451,"
            + "\"currency\":\"eur\",\"status\":\"succeeded\",\"metadata\":{\"invoice_id\":\"1\"}}}}";
    assertThat(deliver(body)).isEqualTo("refused: no account has customer cus_nobody");
    assertThat(
            rows(
                "select outcome, tenant_id from provider_event where event_id = ?",
                "evt_unknown_" + t))
        .hasSize(1);
    assertThat(one("select count(*) from payment where intent_id = 'pi_x'")).isEqualTo("0");

    // A payment in the wrong currency for a real invoice is refused, the invoice stays open.
    MovableClock.set(created.plus(Duration.ofDays(14)));
    run.runDue();
    String invoice = one("select id from invoice where tenant_id = ?", t);
    String customer = "cus_test_" + t;
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "update subscription set provider_customer_id = ? where tenant_id = ?")) {
      s.setString(1, customer);
      s.setLong(2, t);
      s.executeUpdate();
    }
    String wrong =
        "{\"id\":\"evt_cur_"
            + t
            + "\",\"type\":\"payment_intent.succeeded\",\"data\":"
            + "{\"object\":{\"id\":\"pi_cur_"
            + t
            + "\",\"customer\":\""
            + customer
            + "\","
            + "\"amount\":3451,\"currency\":\"usd\",\"status\":\"succeeded\","
            + "\"metadata\":{\"invoice_id\":\""
            + invoice
            + "\"}}}}";
    assertThat(deliver(wrong)).startsWith("refused: Currency mismatch");
    assertThat(one("select status from invoice where id = ?", invoice)).isEqualTo("OPEN");
    assertThat(one("select count(*) from payment where tenant_id = ?", t)).isEqualTo("0");

    // The owner cannot pay another tenant's invoice through a webhook naming its id.
    long other = tenant("Other", "DE", created);
    assertThatThrownBy(() -> as(other, () -> subscriptions.invoice(Long.parseLong(invoice))))
        .hasMessageContaining("There is no invoice");
  }

  @Test
  void aCreditNoteVoidsAnOpenInvoiceWithItsOwnNumberSeries() throws Exception {
    simulator();
    Instant created = Instant.parse("2032-01-01T00:00:00Z");
    MovableClock.set(created);
    String starter = plan("Starter", "EUR", 2900);
    long t = tenant("Credit", "DE", created);
    as(t, () -> subscriptions.choosePlan(starter, BillingInterval.MONTH, 1, u(t)));
    MovableClock.set(created.plus(Duration.ofDays(14)));
    run.runDue();
    long invoice = Long.parseLong(one("select id from invoice where tenant_id = ?", t));
    Invoice note = as(t, () -> cycleCredit(invoice));
    assertThat(
            rows(
                "select kind, status, total_minor, series from invoice where id = ?", note.getId()))
        .containsExactly(List.of("CREDIT_NOTE", "ISSUED", "-3451", "CN-2032"));
    assertThat(one("select status from invoice where id = ?", invoice)).isEqualTo("VOID");
    assertThat(subscription(t).getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThatThrownBy(() -> as(t, () -> cycleCredit(invoice)))
        .hasMessageContaining("credited already");
  }

  @Inject BillingCycle cycle;

  Invoice cycleCredit(long invoice) {
    return cycle.creditNote(invoice, "Goodwill");
  }
}
