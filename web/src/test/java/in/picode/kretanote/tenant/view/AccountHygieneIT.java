package in.picode.kretanote.tenant.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two account chores, on a server with one hashing permit and no waiting for it (so a few
 * simultaneous password checks are enough to be turned away) and the unconfirmed sign-up purge
 * every 2 s: the cancel-deletion page answers a busy server like the other password pages, and
 * sign-ups nobody confirmed within 48 hours are purged while others stay.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class AccountHygieneIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app(
        "hygiene",
        Map.of(
            "kretanote.security.hashing.concurrency", "1",
            "kretanote.security.hashing.wait", "PT0S",
            "kretanote.security.unverified-signup.purge-interval", "PT2S"));
  }

  @ArquillianResource URL base;

  @Test
  void finding04_theCancelDeletionPageAnswers503WithRetryAfterWhenNoHashingPermitIsFree()
      throws Exception {
    int clients = 6;
    List<WebClient> browsers = new ArrayList<>();
    List<Document> forms = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      WebClient browser = new WebClient(URI.create(base.toString()));
      browsers.add(browser);
      forms.add(browser.get("cancel-deletion.xhtml"));
    }
    CyclicBarrier start = new CyclicBarrier(clients);
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      WebClient browser = browsers.get(i);
      Document form = forms.get(i);
      String email = "nobody-" + i + "-" + TestAccounts.run() + "@example.com";
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                browser.submit(
                    form, "cancel", Map.of("email", email, "password", "wrong password"), "submit");
                return browser.lastResponse();
              }));
    }
    List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();
    assertThat(done).extracting(HttpResponse::statusCode).doesNotContain(500).contains(503);
    HttpResponse<String> busy =
        done.stream().filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
    assertThat(Long.parseLong(busy.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 600L);
    assertThat(busy.body())
        .as("the product's own page with the form, not a server error page")
        .contains("Cancel the deletion")
        .doesNotContainIgnoringCase("payara")
        .doesNotContain("Exception");
  }

  @Test
  void finding07_signUpsNobodyConfirmedWithin48HoursArePurgedAndOthersStay() throws Exception {
    String run = TestAccounts.run();
    long expired = unconfirmed("Expired " + run, 50, 50);
    long resent = unconfirmed("Signed up again " + run, 50, 1);
    long fresh = unconfirmed("Fresh " + run, 2, 2);
    User confirmed = TestAccounts.owner("Confirmed", run);
    TestAccounts.update(
        "update user_account set created_at = now(6) - interval 50 hour where id = ?",
        confirmed.id());
    TestAccounts.auditEvent(expired, 3_600_000L * 49, "SIGN_IN_FAILED", null);

    long deadline = System.currentTimeMillis() + 30_000;
    while (tenantExists(expired) && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertThat(tenantExists(expired)).as("the expired unconfirmed sign-up is purged").isFalse();
    assertThat(
            TestAccounts.count(
                "select count(*) from user_account where email = ?", "owner@expired-" + run))
        .isZero();
    assertThat(TestAccounts.count("select count(*) from audit_event where tenant_id = ?", expired))
        .isZero();
    assertThat(tenantExists(resent)).as("signed up again within 48 h: stays").isTrue();
    assertThat(tenantExists(fresh)).as("younger than 48 h: stays").isTrue();
    assertThat(tenantExists(confirmed.tenantId())).as("a confirmed business stays").isTrue();
  }

  static boolean tenantExists(long tenant) {
    return TestAccounts.count("select count(*) from tenant where id = ?", tenant) == 1;
  }

  /** A sign-up made {@code hoursAgo}, its newest verification link made {@code linkHoursAgo}. */
  static long unconfirmed(String name, int hoursAgo, int linkHoursAgo) {
    long tenant = TestAccounts.tenant(name);
    String email = "owner@" + name.toLowerCase().replace(' ', '-');
    TestAccounts.update(
        "insert into user_account (tenant_id, email, display_name, password_hash, role, status,"
            + " created_at) values (?, ?, 'Unconfirmed owner', ?, 'OWNER',"
            + " 'PENDING_VERIFICATION', now(6) - interval ? hour)",
        tenant,
        email,
        TestAccounts.passwordHash(),
        hoursAgo);
    long user = TestAccounts.count("select id from user_account where email = ?", email);
    byte[] hash = new byte[32];
    new SecureRandom().nextBytes(hash);
    TestAccounts.update(
        "insert into one_time_token (token_hash, purpose, tenant_id, user_id, email, created_at,"
            + " expires_at) values (?, 'VERIFY_EMAIL', ?, ?, ?, now(6) - interval ? hour,"
            + " now(6) - interval ? hour + interval 48 hour)",
        hash,
        tenant,
        user,
        email,
        linkHoursAgo,
        linkHoursAgo);
    return tenant;
  }
}
