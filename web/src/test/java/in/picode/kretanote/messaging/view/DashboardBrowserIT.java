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
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium): one session signs in, sees a
 * customer's message arrive in the open inbox without reloading, works the conversation (note,
 * assign, label, close), imports contacts from a CSV file and looks at analytics. Screenshots of
 * each screen land in {@code web/target/screenshots/} for a reviewer.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("browser", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;
  static WebDriver driver;
  static WebDriverWait wait;
  static Tenant tenant;
  static User owner;
  static User agent;
  static String waId;

  @BeforeAll
  static void browser() {
    TestAccounts.clearAddressThrottle();
    ItMeta.start();
    String run = TestAccounts.run();
    tenant = Webhooks.tenantWithNumber("Browser Bistro " + run);
    owner = TestAccounts.user(tenant.id(), "owner-browser-" + run + "@example.com", "OWNER");
    agent = TestAccounts.user(tenant.id(), "agent-browser-" + run + "@example.com", "AGENT");
    waId = "4917" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    browser = Browser.start(1280, 900);
    driver = browser.driver();
    wait = browser.waiting();
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

  static void screenshot(String name) {
    browser.screenshot(name);
  }

  static void click(String id) {
    browser.click(id);
  }

  static void waitForText(String text) {
    browser.waitForText(text);
  }

  @Test
  @Order(1)
  void aNewMessageAppearsInTheOpenInboxWithoutReloading() {
    open("login.xhtml");
    driver.findElement(By.id("login:email")).sendKeys(owner.email());
    driver.findElement(By.id("login:password")).sendKeys(PASSWORD);
    click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));

    open("app/inbox.xhtml");
    waitForText("No conversations here.");
    ((JavascriptExecutor) driver).executeScript("window.kretanoteMarker = 'same page';");
    driver.findElement(By.id("inbox-sound")).click();

    Inbound.text(
        base,
        tenant,
        waId,
        "Ana Lima",
        "<script>window.pwned = true;</script>Do you have a table for two tonight?");
    waitForText("Ana Lima");
    waitForText("table for two tonight");
    assertThat(((JavascriptExecutor) driver).executeScript("return window.kretanoteMarker;"))
        .as("the page was not reloaded")
        .isEqualTo("same page");
    wait.until(ExpectedConditions.titleContains("(1)"));
    assertThat(driver.getTitle()).isEqualTo("(1) Inbox · KretaNote");
    assertThat(((JavascriptExecutor) driver).executeScript("return KretaNoteInbox.beeps;"))
        .as("the sound the agent turned on played for the new message")
        .isEqualTo(1L);
    assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned === true;"))
        .as("the message's script did not run")
        .isEqualTo(false);
    assertThat(driver.findElement(By.cssSelector(".inbox-row .preview")).getText())
        .startsWith("<script>window.pwned");
    screenshot("inbox");
  }

  @Test
  @Order(2)
  void theAgentWorksTheConversation() {
    driver.findElement(By.cssSelector(".inbox-row a")).click();
    // The inbox opens the conversation beside the list (three panes) and says so in the address.
    wait.until(ExpectedConditions.urlContains("inbox.xhtml?c="));
    waitForText("Reply window open");
    WebElement bubble = driver.findElement(By.cssSelector(".bubble.in .text"));
    assertThat(bubble.getText()).startsWith("<script>window.pwned = true;</script>Do you have");
    assertThat(driver.findElements(By.cssSelector(".history script"))).isEmpty();
    assertThat(driver.findElements(By.id("conv:reply")))
        .as("the window is open: a reply box")
        .hasSize(1);

    driver.findElement(By.id("conv:note")).sendKeys("Regular guest, prefers the terrace.");
    click("conv:addNote");
    waitForText("Regular guest, prefers the terrace.");

    browser.choose("conv:assignee", "Agent " + agent.email());
    click("conv:assign");
    waitForText("Assigned.");

    driver.findElement(By.id("conv:newLabel")).sendKeys("Reservations");
    click("conv:addLabel");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".labels"), "Reservations"));
    screenshot("conversation");

    click("conv:close");
    waitForText("Closed.");
    long conversation = Inbound.conversationOf(tenant, waId);
    assertThat(string("SELECT status FROM conversation WHERE id = ?", conversation))
        .isEqualTo("CLOSED");
    assertThat(count("SELECT assignee_id FROM conversation WHERE id = ?", conversation))
        .isEqualTo(agent.id());
    assertThat(string("SELECT body FROM conversation_note WHERE conversation_id = ?", conversation))
        .isEqualTo("Regular guest, prefers the terrace.");
    assertThat(
            string(
                "SELECT l.name FROM conversation_label cl JOIN label l ON l.id = cl.label_id"
                    + " WHERE cl.conversation_id = ?",
                conversation))
        .isEqualTo("Reservations");
    assertThat(string("SELECT unread_count FROM conversation WHERE id = ?", conversation))
        .isEqualTo("0");
  }

  @Test
  @Order(3)
  void contactsAreImportedFromCsv() throws IOException {
    Path csv = Files.createTempFile("contacts", ".csv");
    Files.writeString(
        csv,
        "Phone,Name,Email,Tags\n"
            + "+49 151 7000001,Bruno Diaz,bruno@example.com,vip\n"
            + "+49 151 7000002,Chiara Rossi,,newsletter;vip\n"
            + "+"
            + waId
            + ",Ana Lima (imported),ana@example.com,\n",
        StandardCharsets.UTF_8);
    open("app/contacts-import.xhtml");
    driver.findElement(By.id("upload:file")).sendKeys(csv.toAbsolutePath().toString());
    click("upload:send");
    waitForText("Columns of");
    click("mapping:check");
    waitForText("3 contacts are ready to import.");
    click("mapping:import");
    waitForText("2 new contacts, 1 updated.");
    screenshot("contacts-import");
    assertThat(count("SELECT COUNT(*) FROM contact WHERE tenant_id = ?", tenant.id())).isEqualTo(3);
    assertThat(
            string(
                "SELECT email FROM contact WHERE tenant_id = ? AND wa_id = ?", tenant.id(), waId))
        .isEqualTo("ana@example.com");

    open("app/contacts.xhtml");
    waitForText("Chiara Rossi");
    screenshot("contacts");
    Files.deleteIfExists(csv);
  }

  @Test
  @Order(4)
  void analyticsShowTheDaysFigures() {
    open("app/analytics.xhtml");
    waitForText("Delivery funnel");
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.tagName("canvas"), 3));
    assertThat(driver.findElement(By.id("funnelFigures")).getText()).contains("Sent 0");
    screenshot("analytics");
  }

  @Test
  @Order(5)
  void finding02_aHostileAgentNameStoredEarlierDoesNotBreakOrRedirectAnalytics() {
    // Stored straight in the database, as it could be before names refused markup.
    String hostile = "</script><meta http-equiv=refresh content=\"0;url=/x\">";
    TestAccounts.update(
        "UPDATE user_account SET display_name = ? WHERE id = ?", hostile, agent.id());
    try {
      open("app/analytics.xhtml");
      waitForText("Delivery funnel");
      wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.tagName("canvas"), 3));
      Webhooks.pause(1_500);
      assertThat(driver.getCurrentUrl()).as("no redirect").contains("app/analytics.xhtml");
      assertThat(driver.findElements(By.cssSelector("meta[http-equiv]")))
          .as("the name did not become markup")
          .isEmpty();
      assertThat(driver.findElements(By.tagName("canvas"))).hasSizeGreaterThan(3);
      Object labels =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "var c = Chart.getChart(document.querySelector('[id$=agents] canvas'));"
                      + " return c ? c.data.labels : null;");
      assertThat(String.valueOf(labels)).as("the chart shows the name as text").contains(hostile);
      screenshot("analytics-hostile-name");
    } finally {
      TestAccounts.update(
          "UPDATE user_account SET display_name = ? WHERE id = ?",
          "Agent " + agent.email(),
          agent.id());
    }
  }

  @Test
  @Order(6)
  void theAuthenticatorSetUpShowsItsQrCodeUnderTheContentSecurityPolicy() {
    open("app/account-security.xhtml");
    click("security:start");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".qr svg path")));
    assertThat(driver.findElement(By.id("secret")).getText()).matches("[A-Z2-7 ]{32,}");
    assertThat(driver.findElement(By.cssSelector(".qr svg")).getSize().getWidth())
        .as("the QR code is drawn, not an empty box")
        .isGreaterThan(100);
    screenshot("account-security-setup");
    browser.phone();
    try {
      screenshot("account-security-phone");
    } finally {
      browser.viewport(1280, 900);
    }
  }

  @Test
  @Order(10)
  void theOwnerRepliesAndSeesTheTicksMoveWhenMetaReports() {
    // A number from the Meta simulator (sandbox), so that sending really reaches "Meta".
    open("app/settings/whatsapp.xhtml");
    click("sandbox:simulate");
    waitForText("is connected");
    long connection =
        count(
            "SELECT id FROM whatsapp_connection WHERE tenant_id = ? AND access_token IS NOT NULL",
            tenant.id());
    Webhooks.Tenant live =
        new Webhooks.Tenant(
            tenant.id(),
            connection,
            string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection));
    String customer = "4916" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    Inbound.text(base, live, customer, "Jonas Weber", "Can I bring my dog on Friday?");
    long conversation = Inbound.conversationOf(live, customer);

    open("app/conversation.xhtml?id=" + conversation);
    driver.findElement(By.id("conv:reply")).sendKeys("Of course, dogs are welcome on the terrace.");
    click("conv:send");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.out"), "dogs are welcome"));
    String wamid = null;
    for (int i = 0; i < 150 && wamid == null; i++) {
      wamid =
          string(
              "SELECT wamid FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'",
              conversation);
      Webhooks.pause(200);
    }
    assertThat(wamid).as("the simulator accepted the reply").isNotNull();
    Inbound.status(base, live, wamid, customer, "delivered");
    Inbound.status(base, live, wamid, customer, "read");
    // The page polls; the tick's title turns to "Read" without a reload.
    wait.until(
        ExpectedConditions.attributeContains(
            By.cssSelector(".bubble.out .ticks"), "title", "Read"));
    assertThat(driver.findElement(By.cssSelector(".bubble.out .ticks")).getText()).contains("✓✓");
    screenshot("reply");
  }
}
