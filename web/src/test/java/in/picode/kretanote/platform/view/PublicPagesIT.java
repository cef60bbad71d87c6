package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public pages as a visitor sees them: the landing page, pricing from the plans on sale, and a
 * privacy policy whose figures are the configured ones the purges enforce (this deployment sets a
 * 90-day retention default and a 14-day deletion grace, and the page must say exactly that).
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class PublicPagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app(
        "public",
        Map.of(
            "kretanote.retention.default-days", "90",
            "kretanote.deletion.grace", "P14D",
            "kretanote.backup.retention-days", "21",
            "kretanote.privacy.contact", "dpo@bistro-software.example",
            "kretanote.privacy.sub-processors", "Meta Platforms Ireland Ltd.;Hetzner Online GmbH"));
  }

  @ArquillianResource URL base;

  WebClient visitor() {
    return new WebClient(URI.create(base.toString()));
  }

  @Test
  void theLandingPageLeadsToSignUpPricingAndThePolicies() {
    Document home = visitor().get("");
    assertThat(home.title()).contains("KretaNote");
    assertThat(home.text()).contains("shared inbox");
    assertThat(home.select("a#signup").attr("href")).contains("signup.xhtml");
    assertThat(home.select("a#pricing").attr("href")).contains("pricing.xhtml");
    assertThat(home.select("a#privacy").attr("href")).contains("privacy.xhtml");
    assertThat(home.select("a#terms").attr("href")).contains("terms.xhtml");
  }

  @Test
  void aSignedInUserGoesFromTheLandingPageToTheInbox() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User owner =
        TestAccounts.owner("Public", UUID.randomUUID().toString().substring(0, 8));
    WebClient browser = visitor();
    browser.submit(
        browser.get("login.xhtml"),
        "login",
        Map.of("email", owner.email(), "password", TestAccounts.PASSWORD),
        "submit");
    Document home = browser.get("");
    assertThat(home.location()).contains("/app/index.xhtml");
  }

  @Test
  void finding12_aPostbackWithoutTheNonceIsABadRequestWithTheProductsOwnPage() {
    WebClient visitor = visitor();
    Document form = visitor.get("forgot.xhtml");
    Document refused =
        visitor.submit(
            form,
            "forgot",
            Map.of("email", "nobody@example.com"),
            "submit",
            Map.of("primefaces.nonce", ""));
    HttpResponse<String> answer = visitor.lastResponse();
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(refused.title()).isEqualTo("Request refused · KretaNote");
    assertThat(refused.text()).contains("could not be accepted");
    assertThat(refused.select("a#home").attr("href")).contains("app/index.xhtml");
    assertNamesNoServer(answer);
  }

  @Test
  void finding12_theNotFoundPageLinksBackIntoTheAppAndNamesNoServer() {
    WebClient visitor = visitor();
    Document missing = visitor.get("no-such-page-" + UUID.randomUUID() + ".xhtml");
    assertThat(visitor.lastResponse().statusCode()).isEqualTo(404);
    assertThat(missing.text()).contains("Page not found");
    assertThat(missing.select("a#home").attr("href")).contains("app/index.xhtml");
    assertNamesNoServer(visitor.lastResponse());
    HttpResponse<String> plain = visitor.raw("no-such-folder/file.txt");
    assertThat(plain.statusCode()).isEqualTo(404);
    assertThat(plain.body()).contains("Page not found");
    assertNamesNoServer(plain);
    assertNamesNoServer(visitor.raw(""));
  }

  static void assertNamesNoServer(HttpResponse<String> answer) {
    assertThat(answer.body())
        .doesNotContainIgnoringCase("payara")
        .doesNotContainIgnoringCase("glassfish")
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("stack");
    for (String header : java.util.List.of("Server", "X-Powered-By")) {
      answer
          .headers()
          .allValues(header)
          .forEach(
              v ->
                  assertThat(v)
                      .as(header)
                      .doesNotContainIgnoringCase("payara")
                      .doesNotContainIgnoringCase("glassfish")
                      .doesNotContainIgnoringCase("servlet")
                      .doesNotContainIgnoringCase("faces")
                      .doesNotContainPattern("\\d+\\.\\d+"));
    }
  }

  @Test
  void pricingListsThePlansOnSaleOnly() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    plan("team-" + run, "Team " + run, true, 2900, 29000, "Campaigns, Analytics");
    plan("old-" + run, "Retired " + run, false, 1900, 19000, "");
    Document pricing = visitor().get("pricing.xhtml");
    assertThat(pricing.select("#plan-team-" + run).text())
        .contains("Team " + run)
        .contains("€29.00 a month")
        .contains("€290.00 a year")
        .contains("Campaigns")
        .contains("1000 messages a month included");
    assertThat(pricing.text()).doesNotContain("Retired " + run);
  }

  @Test
  void thePrivacyPolicyStatesTheConfiguredPeriods() {
    Document policy = visitor().get("privacy.xhtml");
    assertThat(policy.select("#retention").text())
        .contains("3 months (90 days)")
        .contains("between 30 and 730 days");
    assertThat(policy.select("#deletion").text()).contains("within 14 days");
    assertThat(policy.select("#deletion-live").text()).contains("within 14 days");
    assertThat(policy.select("#deletion-raw").text()).contains("30 days old");
    assertThat(policy.select("#deletion-media").text()).contains("key is destroyed");
    assertThat(policy.select("#deletion-backups").text())
        .contains("at most 21 days")
        .contains("applied again");
    assertThat(policy.select("#subprocessors li").eachText())
        .containsExactly("Meta Platforms Ireland Ltd.", "Hetzner Online GmbH");
    assertThat(policy.select("#contact").text()).contains("dpo@bistro-software.example");
    assertThat(visitor().get("terms.xhtml").text()).contains("within 14 days");
  }

  static void plan(
      String code, String name, boolean active, long monthly, long yearly, String features) {
    TestAccounts.update(
        "insert into billing_plan (code, name, active, created_at) values (?, ?, ?, now(6))",
        code,
        name,
        active);
    long id =
        ((Number) TestAccounts.value("select id from billing_plan where code = ?", code))
            .longValue();
    TestAccounts.update(
        "insert into billing_plan_version (plan_id, version_no, currency, monthly_price_minor,"
            + " yearly_price_minor, included_seats, seat_price_minor, max_seats,"
            + " message_allowance, overage_per_thousand_minor, features, created_at)"
            + " values (?, 1, 'EUR', ?, ?, 3, 900, 50, 1000, 500, ?, now(6))",
        id,
        monthly,
        yearly,
        features);
  }
}
