package in.picode.kretanote.messaging.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live inbox in real browsers (headless Chromium), with the fallback poll set to ten minutes so
 * that only the push can show anything: a customer's message appears in the open inbox, and a
 * status in the open conversation, within a few seconds of the webhook's acknowledgement; the
 * browser of another tenant, open on its inbox at the same time, hears nothing.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveInboxBrowserIT {

  /** Generous for a shared 2-core machine; the design target is 1 s. */
  static final Duration VISIBLE_WITHIN = Duration.ofSeconds(3);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("live", Map.of("kretanote.inbox.poll-seconds", "600"));
  }

  @ArquillianResource URL base;

  static Browser agentBrowser;
  static Browser otherBrowser;
  static Tenant tenant;
  static Tenant other;
  static User owner;
  static User otherOwner;

  @BeforeAll
  static void browsers() {
    TestAccounts.clearAddressThrottle();
    String run = TestAccounts.run();
    tenant = Webhooks.tenantWithNumber("Live Bistro " + run);
    other = Webhooks.tenantWithNumber("Other Bistro " + run);
    owner = TestAccounts.user(tenant.id(), "owner-live-" + run + "@example.com", "OWNER");
    otherOwner = TestAccounts.user(other.id(), "owner-other-" + run + "@example.com", "OWNER");
    agentBrowser = Browser.start(1280, 900);
    otherBrowser = Browser.start(1280, 900);
  }

  @AfterAll
  static void quit() {
    for (Browser b : new Browser[] {agentBrowser, otherBrowser}) {
      if (b != null) {
        b.quit();
      }
    }
    TestAccounts.clearAddressThrottle();
  }

  void signIn(Browser browser, User user) {
    browser.open(base, "login.xhtml");
    browser.driver().findElement(By.id("login:email")).sendKeys(user.email());
    browser.driver().findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.click("login:submit");
    browser.waiting().until(ExpectedConditions.urlContains("/app/"));
  }

  /** What the page knows of its socket, for a failure message. */
  static String socketState(Browser browser) {
    String source = browser.driver().getPageSource();
    int at = source.indexOf("faces.push.init");
    return "received "
        + js(browser, "return window.KretaNoteLive ? KretaNoteLive.received : 'no KretaNoteLive';")
        + ", refreshed "
        + js(browser, "return window.KretaNoteLive ? KretaNoteLive.refreshed : -1;")
        + ", init: "
        + (at < 0 ? "none" : source.substring(at, Math.min(source.length(), at + 300)));
  }

  static Object js(Browser browser, String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }

  /** Posts a signed webhook and returns once it is acknowledged, not once it is applied. */
  void acknowledged(Tenant owner, WebhookPayloads.Inbound message) {
    post(owner, new Messages(owner.phoneNumberId(), "15550001111").add(message));
  }

  void post(Tenant owner, Messages messages) {
    byte[] payload =
        MetaJson.bytes(WebhookPayloads.single("waba-" + owner.phoneNumberId(), messages.change()));
    Webhooks.Answer answer = Webhooks.post(Inbound.endpoint(base), payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void aMessageIsPushedToItsTenantsInboxOnly() {
    signIn(agentBrowser, owner);
    signIn(otherBrowser, otherOwner);
    agentBrowser.open(base, "app/inbox.xhtml");
    otherBrowser.open(base, "app/inbox.xhtml");
    agentBrowser.waitForText("No conversations here.");
    otherBrowser.waitForText("No conversations here.");
    // The sockets connect after the page loaded; give them a moment before the webhook.
    Webhooks.pause(1_000);
    js(agentBrowser, "window.kretanoteMarker = 'same page';");

    String waId = "4917" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    long start = System.nanoTime();
    acknowledged(
        tenant,
        WebhookPayloads.Inbound.text(
            Customer.phone(waId, "Lea Braun"), "Is the terrace open tonight?"));
    try {
      new WebDriverWait(agentBrowser.driver(), VISIBLE_WITHIN, Duration.ofMillis(50))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "Is the terrace open tonight?"));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "not shown within " + VISIBLE_WITHIN + ": " + socketState(agentBrowser), e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "LiveInboxBrowserIT: webhook acknowledged -> shown in the inbox " + millis + " ms");

    assertThat(js(agentBrowser, "return window.kretanoteMarker;"))
        .as("shown without a reload")
        .isEqualTo("same page");
    assertThat((Long) js(agentBrowser, "return KretaNoteLive.received;")).isPositive();
    // The other tenant's page had the same chance and more to hear of it.
    Webhooks.pause(1_000);
    assertThat(js(otherBrowser, "return KretaNoteLive.received;"))
        .as("another tenant's browser receives nothing")
        .isEqualTo(0L);
    assertThat(otherBrowser.driver().findElement(By.tagName("body")).getText())
        .doesNotContain("terrace")
        .contains("No conversations here.");
    agentBrowser.screenshot("live-inbox");
  }

  @Test
  @Order(2)
  void aStatusIsPushedToTheOpenConversation() {
    String waId = "4916" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    String wamid = "wamid.live." + TestAccounts.run();
    Webhooks.outboundMessage(tenant, waId, wamid);
    long conversation = Inbound.conversationOf(tenant, waId);
    agentBrowser.open(base, "app/conversation.xhtml?id=" + conversation);
    agentBrowser.waitForText("Your table is booked");
    Webhooks.pause(1_000);

    long start = System.nanoTime();
    post(
        tenant,
        new Messages(tenant.phoneNumberId(), "15550001111")
            .add(
                WebhookPayloads.Status.of(
                    wamid, "read", Customer.phone(waId, null), "service", "regular")));
    try {
      // The pushed refresh replaces the history under the wait's feet.
      new WebDriverWait(agentBrowser.driver(), VISIBLE_WITHIN, Duration.ofMillis(50))
          .ignoring(StaleElementReferenceException.class)
          .until(
              ExpectedConditions.attributeContains(
                  By.cssSelector(".bubble.out .ticks"), "title", "Read"));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "not shown within " + VISIBLE_WITHIN + ": " + socketState(agentBrowser), e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "LiveInboxBrowserIT: status acknowledged -> shown in the conversation " + millis + " ms");
    assertThat(js(otherBrowser, "return KretaNoteLive.received;"))
        .as("another tenant's browser still receives nothing")
        .isEqualTo(0L);
    agentBrowser.screenshot("live-conversation");
  }
}
