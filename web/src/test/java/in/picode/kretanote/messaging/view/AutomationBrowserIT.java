package in.picode.kretanote.messaging.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18 in a real browser, wide (1400 px) and on a phone (390 px): a manager sets business hours
 * (a mistake first: every problem is shown at once), creates a keyword rule and dry-runs it,
 * creates a macro; an agent runs the macro from the conversation page. Screenshots in {@code
 * web/target/screenshots/automation-*}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class AutomationBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("automation-browser", Map.of());
  }

  @ArquillianResource URL base;

  Browser browser;

  @BeforeAll
  static void simulator() {
    TestAccounts.clearAddressThrottle();
    ItMeta.start();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
    TestAccounts.clearAddressThrottle();
  }

  @Test
  void onAWideScreen() {
    walk(1400);
  }

  @Test
  void onAPhone() {
    walk(390);
  }

  void walk(int width) {
    String run = TestAccounts.run() + width;
    User owner = TestAccounts.owner("AutomationBrowser", run);
    User agent = TestAccounts.user(owner.tenantId(), "agent-auto-" + run + "@example.com", "AGENT");
    WebClient ownerClient = WebClient.signedIn(base, owner);
    Document connected =
        ownerClient.submit(
            ownerClient.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    long connection =
        count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    Webhooks.Tenant live =
        new Webhooks.Tenant(
            owner.tenantId(),
            connection,
            string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection));
    Webhooks.execute(
        "INSERT INTO label (tenant_id, name, created_at) VALUES (?, 'Refund', NOW(6)),"
            + " (?, 'Done', NOW(6))",
        owner.tenantId(),
        owner.tenantId());
    String customer = "4917" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    Inbound.text(base, live, customer, "Rui Costa", "I would like a refund for order 77");
    long conversation = Inbound.conversationOf(live, customer);

    browser = Browser.start(width, 1000);
    WebDriver driver = browser.driver();
    WebDriverWait wait = browser.waiting();
    signIn(owner.email(), wait);

    // Business hours: two mistakes at once, then a good week.
    browser.open(base, "app/settings/business-hours.xhtml");
    browser.type("hours:zone_input", "Mars/Olympus");
    day(driver, 0).clear();
    day(driver, 0).sendKeys("09:00-12:00, 11:00-13:00");
    browser.click("hours:save");
    browser.waitForText("Unknown time zone 'Mars/Olympus'");
    browser.waitForText("Monday: 09:00-12:00 and 11:00-13:00 overlap.");
    browser.screenshot("automation-hours-errors-" + width);
    browser.type("hours:zone_input", "Europe/Lisbon");
    day(driver, 0).clear();
    day(driver, 0).sendKeys("09:00-12:00, 13:00-17:00");
    browser.click("hours:save");
    browser.waitForText("Business hours saved.");
    assertThat(string("SELECT week FROM business_hours WHERE tenant_id = ?", owner.tenantId()))
        .startsWith("MON 09:00-12:00,13:00-17:00;TUE 09:00-17:00");
    browser.screenshot("automation-hours-" + width);
    fits("automation-hours at " + width + " px");

    // A team's own hours: chosen in "Hours for"; its mistakes at once, then its week.
    Webhooks.execute(
        "INSERT INTO team (tenant_id, name, created_at) VALUES (?, 'Night', NOW(6))",
        owner.tenantId());
    browser.open(base, "app/settings/business-hours.xhtml");
    browser.choose("hours:scope", "Night");
    browser.waitForText("This team has no hours of its own");
    assertThat(driver.findElements(By.id("hours:awayText")))
        .as("texts are the business's")
        .isEmpty();
    browser.type("hours:zone_input", "Mars/Olympus");
    day(driver, 1).clear();
    day(driver, 1).sendKeys("20:00-23:00, 22:00-24:00");
    browser.click("hours:save");
    browser.waitForText("Unknown time zone 'Mars/Olympus'");
    browser.waitForText("Tuesday: 20:00-23:00 and 22:00-24:00 overlap.");
    assertThat(count("SELECT COUNT(*) FROM team_hours WHERE tenant_id = ?", owner.tenantId()))
        .isZero();
    browser.type("hours:zone_input", "Asia/Kolkata");
    day(driver, 1).clear();
    day(driver, 1).sendKeys("20:00-24:00");
    browser.click("hours:save");
    browser.waitForText("The team's hours saved.");
    assertThat(string("SELECT time_zone FROM team_hours WHERE tenant_id = ?", owner.tenantId()))
        .isEqualTo("Asia/Kolkata");
    assertThat(string("SELECT week FROM business_hours WHERE tenant_id = ?", owner.tenantId()))
        .as("the business's week unchanged")
        .startsWith("MON 09:00-12:00,13:00-17:00;TUE 09:00-17:00");
    browser.screenshot("automation-team-hours-" + width);

    // A rule: customer message containing "refund" → label Refund; dry run first.
    browser.open(base, "app/settings/automation.xhtml");
    browser.type("editor:name", "Refunds");
    browser.choose("editor:newCondition", "Text contains keywords");
    browser.click("editor:addCondition");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[id='editor:conditions'] input[id$=':value']")));
    driver
        .findElement(By.cssSelector("[id='editor:conditions'] input[id$=':value']"))
        .sendKeys("refund");
    driver
        .findElement(By.cssSelector("[id='editor:actions'] input[id$=':value']"))
        .sendKeys("Refund");
    // A priority is chosen by its name in a list, not typed as LOW/NORMAL/HIGH/URGENT.
    browser.choose("editor:newAction", "Mark priority");
    browser.click("editor:addAction");
    By priority = By.cssSelector("[id='editor:actions'] .ui-selectonemenu[id$=':choice']");
    wait.until(ExpectedConditions.presenceOfElementLocated(priority));
    assertThat(driver.findElements(By.cssSelector("[id='editor:actions'] input[id$=':value']")))
        .as("the label stays a typed value, the priority is chosen")
        .hasSize(1);
    browser.choose(driver.findElement(priority).getAttribute("id"), "Urgent");
    browser.click("editor:dryRun");
    browser.waitForText("would add label 'Refund'");
    browser.screenshot("automation-dry-run-" + width);
    browser.click("editor:save");
    browser.waitForText("Rule \"Refunds\" saved.");
    assertThat(
            count(
                "SELECT COUNT(*) FROM automation_rule WHERE tenant_id = ?"
                    + " AND event = 'CUSTOMER_MESSAGE' AND paused = FALSE",
                owner.tenantId()))
        .isEqualTo(1);
    assertThat(
            string("SELECT definition FROM automation_rule WHERE tenant_id = ?", owner.tenantId()))
        .contains("\"priority\":\"URGENT\"");
    assertThat(
            count("SELECT COUNT(*) FROM conversation_label WHERE tenant_id = ?", owner.tenantId()))
        .as("the dry run changed nothing")
        .isZero();
    browser.screenshot("automation-rules-" + width);
    fits("automation-rules at " + width + " px");

    // A macro: label Done and resolve.
    browser.open(base, "app/settings/macros.xhtml");
    browser.type("editor:name", "Wrap up");
    driver
        .findElement(By.cssSelector("[id='editor:actions'] input[id$=':value']"))
        .sendKeys("Done");
    browser.choose("editor:newAction", "Resolve");
    browser.click("editor:addAction");
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("[id='editor:actions'] input[id$=':value']"), 2));
    browser.click("editor:save");
    browser.waitForText("Macro \"Wrap up\" saved.");
    browser.screenshot("automation-macros-" + width);
    fits("automation-macros at " + width + " px");

    // The agent runs it on the conversation.
    driver.manage().deleteAllCookies();
    signIn(agent.email(), wait);
    browser.open(base, "app/conversation.xhtml?id=" + conversation);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details.macros summary")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$=':runMacro']")))
        .click();
    browser.waitForText("Macro done: add label 'Done'; resolve.");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conv:status"), "Closed"));
    browser.screenshot("automation-macro-run-" + width);
    assertThat(string("SELECT status FROM conversation WHERE id = ?", conversation))
        .isEqualTo("CLOSED");
  }

  private void signIn(String email, WebDriverWait wait) {
    browser.open(base, "login.xhtml");
    browser.type("login:email", email);
    browser.type("login:password", PASSWORD);
    browser.click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));
  }

  private static org.openqa.selenium.WebElement day(WebDriver driver, int index) {
    return driver.findElement(By.cssSelector("input[id$=':" + index + ":day']"));
  }

  /** Nothing sticks out sideways: no scrolling, no control off the screen. */
  void fits(String where) {
    assertThat(browser.sidewaysOverflow()).as("%s overflows sideways", where).isZero();
    assertThat(browser.controlsOffScreen()).as("%s: controls off the screen", where).isEmpty();
  }
}
