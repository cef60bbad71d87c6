package in.picode.kretanote.csat.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.api.rest.ApiClient;
import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Surveys, service levels and the bell in a real browser, at 1400 px and at 390 px: the owner turns
 * surveys and a response target on, is given a customer's conversation (the bell counts it), sees
 * the SLA in the inbox, resolves the conversation, the customer picks "4" in the survey list, and
 * the rating shows on the conversation page. Screenshots land in {@code web/target/screenshots/}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class ServiceQualityBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("csat-browser", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;
  static WebDriver driver;
  static Tenant tenant;
  static User owner;

  @BeforeAll
  static void start() {
    TestAccounts.clearAddressThrottle();
    ItMeta.start();
    String run = TestAccounts.run();
    long tenantId = TestAccounts.tenant("Rating Bakery " + run);
    owner = TestAccounts.user(tenantId, "owner-csat-" + run + "@example.com", "OWNER");
    browser = Browser.start(1400, 900);
    driver = browser.driver();
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
    TestAccounts.clearAddressThrottle();
  }

  void open(String path) {
    driver.get(base.toString() + path);
  }

  @Test
  void aRatedConversationAndTheBellAtDesktopAndPhoneWidths() {
    open("login.xhtml");
    driver.findElement(By.id("login:email")).sendKeys(owner.email());
    driver.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.click("login:submit");
    browser.waiting().until(ExpectedConditions.urlContains("/app/"));

    // A number connected at the simulator, so the survey really goes out.
    open("app/settings/whatsapp.xhtml");
    browser.click("sandbox:simulate");
    browser.waitForText("is connected");
    long connection =
        Webhooks.count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    tenant =
        new Tenant(
            owner.tenantId(),
            connection,
            Webhooks.string(
                "SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection));

    open("app/settings/csat.xhtml");
    browser.click("csat:enabled");
    browser.click("csat:save");
    browser.waitForText("Saved.");
    open("app/settings/sla.xhtml");
    browser.type("sla:first_input", "30");
    browser.click("sla:save");
    browser.waitForText("Saved.");
    browser.screenshot("sla-settings-1400");

    String waId = "4917" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    Customer customer = Customer.phone(waId, "Rita Rating");
    post(WebhookPayloads.Inbound.text(customer, "Are the croissants fresh today?"));
    long conversation =
        Webhooks.count(
            "SELECT c.id FROM conversation c JOIN contact ct ON ct.tenant_id = c.tenant_id"
                + " AND ct.id = c.contact_id WHERE c.tenant_id = ? AND ct.wa_id = ?",
            tenant.id(),
            waId);

    open("app/inbox.xhtml");
    browser.waitForText("SLA response: 30 min left");
    browser.screenshot("sla-inbox-1400");

    // A colleague's tool (an API key of the business) gives the conversation to the owner: the
    // bell counts it. (Taking a conversation oneself notifies nobody: ServiceQualityIT.)
    String key =
        ApiClient.key(owner.tenantId(), "Front desk", "conversations:read conversations:write");
    ApiClient.Answer given =
        new ApiClient(base, key)
            .post("conversations/" + conversation + "/assign", "{\"user_id\":" + owner.id() + "}");
    assertThat(given.status()).as(given.body()).isEqualTo(200);
    open("app/conversation.xhtml?id=" + conversation);
    assertThat(driver.findElement(By.cssSelector(".bell-count")).getText()).isEqualTo("1");

    browser.click("conv:close");
    browser.waitForText("Closed.");
    String asked = awaitSurveyWamid();
    post(
        WebhookPayloads.Inbound.listReply(customer, "csat-" + surveyId() + "-4", "4", "Happy")
            .replyTo(asked));
    post(WebhookPayloads.Inbound.text(customer, "Lovely, as always"));

    open("app/conversation.xhtml?id=" + conversation);
    browser.waitForText("★★★★☆ 4 of 5");
    browser.waitForText("“Lovely, as always”");
    browser.screenshot("csat-conversation-1400");
    driver.findElement(By.cssSelector(".bell summary")).click();
    browser.waitForText("was assigned to you");
    browser.screenshot("bell-1400");
    browser.click("bell:readAll");
    browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".bell-count"), ""));

    browser.phone();
    open("app/conversation.xhtml?id=" + conversation);
    browser.waitForText("4 of 5");
    assertThat(driver.findElement(By.cssSelector(".csat")).getRect().getWidth())
        .isLessThanOrEqualTo(Browser.PHONE);
    assertThat(browser.sidewaysOverflow()).as("no sideways scrolling at 390 px").isZero();
    assertThat(browser.controlsOffScreen()).as("controls off the screen").isEmpty();
    browser.screenshot("csat-conversation-390");
    driver.findElement(By.cssSelector(".bell summary")).click();
    browser.waitForText("Mark all read");
    WebElement list = driver.findElement(By.cssSelector(".bell-list"));
    assertThat(list.getRect().getX()).as("the bell's list starts on the screen").isNotNegative();
    assertThat(list.getRect().getX() + list.getRect().getWidth())
        .as("the bell's list ends on the screen")
        .isLessThanOrEqualTo(Browser.PHONE);
    browser.screenshot("bell-390");
  }

  long surveyId() {
    return Webhooks.count("SELECT MAX(id) FROM csat_survey WHERE tenant_id = ?", tenant.id());
  }

  String awaitSurveyWamid() {
    // The sender drains the outbox in the background; a loaded machine needs a while.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      List<List<String>> rows =
          Webhooks.rows(
              "SELECT m.wamid FROM csat_survey s JOIN message m ON m.tenant_id = s.tenant_id"
                  + " AND m.id = s.message_id WHERE s.tenant_id = ? AND m.wamid IS NOT NULL",
              tenant.id());
      if (!rows.isEmpty()) {
        return rows.get(0).get(0);
      }
      Webhooks.pause(200);
    }
    throw new AssertionError(
        "the survey was not sent within 120 s: "
            + Webhooks.describe(
                Webhooks.rows(
                    "SELECT s.id, s.kind, s.state, s.message_id, s.refusal_code, o.state, o.outcome"
                        + " FROM csat_survey s LEFT JOIN outbox o ON o.tenant_id = s.tenant_id"
                        + " AND o.message_id = s.message_id WHERE s.tenant_id = ?",
                    tenant.id()))
            + " conversation "
            + Webhooks.describe(
                Webhooks.rows(
                    "SELECT status, closed_at, window_expires_at FROM conversation WHERE tenant_id = ?",
                    tenant.id()))
            + " setting "
            + Webhooks.describe(
                Webhooks.rows(
                    "SELECT enabled FROM csat_setting WHERE tenant_id = ?", tenant.id())));
  }

  void post(WebhookPayloads.Inbound message) {
    byte[] payload =
        MetaJson.bytes(
            WebhookPayloads.single(
                "waba-" + tenant.phoneNumberId(),
                new Messages(tenant.phoneNumberId(), "15550001111").add(message).change()));
    Webhooks.Answer answer =
        Webhooks.post(URI.create(base.toString()).resolve("webhooks/whatsapp"), payload);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(Webhooks.awaitApplied(payload)).isEqualTo("APPLIED");
  }
}
