package in.picode.kretanote.messaging.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.SimulatorControl;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.Webhooks;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner's workflows in a real browser (Debian's headless Chromium) against the Meta simulator:
 * submit a template and see it approved, answer a customer whose 24-hour window has closed with
 * that template, define a custom field and import a CSV into it with a hand-made column mapping (a
 * bad file first, then a good one), change the analytics range and download its CSV, and type a
 * range with the keyboard's hyphen. Screenshots land in {@code web/target/screenshots/}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("workflow-browser", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static SimulatorControl sim;
  static User owner;
  static Webhooks.Tenant live;
  static String waba;

  @BeforeAll
  static void browser() {
    TestAccounts.clearAddressThrottle();
    ItMeta.start();
    sim = SimulatorControl.fromTestJvm();
    String run = TestAccounts.run();
    owner = TestAccounts.owner("Workflow", run);
    browser = Browser.start(1280, 1000);
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

  @Test
  @Order(1)
  void theOwnerSubmitsATemplateAndSeesItApproved() {
    browser.open(base, "login.xhtml");
    browser.type("login:email", owner.email());
    browser.type("login:password", PASSWORD);
    browser.click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));
    browser.open(base, "app/settings/whatsapp.xhtml");
    browser.click("sandbox:simulate");
    browser.waitForText("is connected");
    long connection =
        count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    live =
        new Webhooks.Tenant(
            owner.tenantId(),
            connection,
            string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection));
    waba = string("SELECT waba_id FROM whatsapp_connection WHERE id = ?", connection);

    driver.findElement(By.linkText("Templates")).click();
    browser.waitForText("No templates known for this number");
    browser.type("create:name", "Table Reminder");
    browser.type("create:body", "Hello {{1}}, your table for {{2}} is ready.");
    browser.type("create:examples", "Ana\ntwo");
    browser.click("create:save");
    browser.waitForText("lowercase letters, digits and underscores only");
    browser.type("create:name", "table_reminder");
    browser.choose("create:category", "Utility");
    browser.type("create:footer", "Bistro Kreta");
    browser.type("create:buttons:0:buttonText", "I'm on my way");
    // The preview follows the form by AJAX; press Submit once it has settled, so the button does
    // not move under the click.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("create:preview"), "I'm on my way"));
    browser.click("create:save");
    browser.waitForText("Template table_reminder submitted to Meta");
    // Meta's status in words, Meta's own name on hover (as in WhatsApp Manager).
    assertThat(driver.findElement(By.cssSelector(".templates .status")).getText())
        .isEqualTo("In review");
    assertThat(driver.findElement(By.cssSelector(".templates .status")).getAttribute("title"))
        .isEqualTo("PENDING");
    browser.screenshot("templates-pending");

    sim.templateStatus(waba, "table_reminder", "en_US", "APPROVED");
    browser.click("sync:sync");
    browser.waitForText("Synced: Meta lists 1 template for this number");
    assertThat(driver.findElement(By.cssSelector(".templates .status")).getText())
        .isEqualTo("Approved");
    assertThat(driver.findElement(By.cssSelector(".templates .status")).getAttribute("title"))
        .isEqualTo("APPROVED");
    assertThat(driver.findElement(By.cssSelector(".templates")).getText())
        .contains("Approved: ready to send.")
        // The list shows the template as WhatsApp does, with the example values filled in.
        .contains("Hello Ana, your table for two is ready.")
        .contains("I'm on my way");
    browser.screenshot("templates-approved");
  }

  @Test
  @Order(2)
  void aCustomerWhoseWindowClosedIsAnsweredWithTheTemplate() {
    String customer = "4916" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    Inbound.text(base, live, customer, "Marta Silva", "Do you still have a table on Sunday?");
    long conversation = Inbound.conversationOf(live, customer);
    // The customer wrote 25 hours ago: the free-form window is closed.
    Webhooks.execute(
        "UPDATE conversation SET window_expires_at = NOW(6) - INTERVAL 1 HOUR,"
            + " last_customer_message_at = NOW(6) - INTERVAL 25 HOUR WHERE id = ?",
        conversation);

    browser.open(base, "app/conversation.xhtml?id=" + conversation);
    browser.waitForText("only lets an approved template");
    assertThat(driver.findElements(By.id("conv:reply"))).as("no free text box").isEmpty();
    browser.choose("conv:template", "table_reminder (en_US)");
    browser.type("conv:templateValues", "Marta");
    browser.click("conv:sendTemplate");
    wait.until(d -> !d.findElement(By.id("conv:messages")).getText().isBlank());
    assertThat(
            count(
                "SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'",
                conversation))
        .as("refused before Meta: one value for two placeholders")
        .isZero();

    browser.type("conv:templateValues", "Marta\nfour");
    browser.click("conv:sendTemplate");
    String wamid = null;
    for (int i = 0; i < 150 && wamid == null; i++) {
      wamid =
          string(
              "SELECT wamid FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'",
              conversation);
      Webhooks.pause(200);
    }
    assertThat(wamid).as("the simulator accepted the template").isNotNull();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bubble.out .ticks")));
    Inbound.status(base, live, wamid, customer, "delivered");
    wait.until(
        ExpectedConditions.attributeContains(
            By.cssSelector(".bubble.out .ticks"), "title", "Delivered"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.out .ticks"), "✓✓"));
    assertThat(sim.sent(live.phoneNumberId()).toString()).contains("table_reminder");
    browser.screenshot("template-reply");
  }

  @Test
  @Order(3)
  void contactsAreImportedWithAColumnMapping() throws IOException {
    browser.open(base, "app/settings/custom-fields.xhtml");
    browser.type("create:name", "Customer number");
    browser.choose("create:type", "Number");
    browser.click("create:save");
    browser.waitForText("Field \"Customer number\" defined.");
    browser.screenshot("custom-fields");

    Path bad =
        csv(
            "Handy,Kunde,Kundennr\n"
                + "+49 151 7100001,Bruno Diaz,1001\n"
                + "+49 151 7100002,Chiara Rossi,abc\n");
    upload(bad);
    browser.submit("mapping:check");
    browser.waitForText("Rows to fix");
    assertThat(driver.findElement(By.id("report")).getText())
        .contains("3")
        .contains("Customer number must be a number");
    assertThat(driver.findElements(By.id("mapping:import"))).as("nothing to import yet").isEmpty();
    browser.screenshot("contacts-import-report");

    Path good =
        csv(
            "Handy,Kunde,Kundennr\n"
                + "+49 151 7100001,Bruno Diaz,1001\n"
                + "+49 151 7100002,Chiara Rossi,1002\n");
    upload(good);
    browser.submit("mapping:check");
    browser.waitForText("2 contacts are ready to import.");
    browser.submit("mapping:import");
    browser.waitForText("2 new contacts, 0 updated.");
    browser.screenshot("contacts-import-mapped");
    assertThat(
            Webhooks.rows(
                "SELECT c.display_name, v.value FROM contact c JOIN contact_field_value v"
                    + " ON v.contact_id = c.id WHERE c.tenant_id = ? ORDER BY v.value",
                owner.tenantId()))
        .containsExactly(List.of("Bruno Diaz", "1001"), List.of("Chiara Rossi", "1002"));

    browser.open(base, "app/contacts.xhtml");
    browser.waitForText("Chiara Rossi");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Bruno Diaz");
    browser.screenshot("contacts-after-mapped-import");
    Files.deleteIfExists(bad);
    Files.deleteIfExists(good);
  }

  /** Uploads the file and maps its German headers by hand: none of them is guessed. */
  void upload(Path file) {
    browser.open(base, "app/contacts-import.xhtml");
    driver.findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
    browser.submit("upload:send");
    browser.waitForText("Columns of");
    assertThat(driver.findElements(By.cssSelector("#mapping .ui-selectonemenu"))).hasSize(3);
    browser
        .waiting()
        .until(ExpectedConditions.textToBe(By.id("mapping:rows:0:target_label"), "(ignore)"));
    browser.choose("mapping:rows:0:target", "Phone number");
    browser.choose("mapping:rows:1:target", "Name");
    browser.choose("mapping:rows:2:target", "Customer number (NUMBER)");
  }

  static Path csv(String content) throws IOException {
    Path file = Files.createTempFile("contacts", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @Order(4)
  void analyticsFollowTheChosenRangeAndDownloadAsCsv() throws IOException {
    browser.open(base, "app/analytics.xhtml");
    browser.waitForText("Delivery funnel");
    LocalDate to = LocalDate.now(ZoneOffset.UTC);
    LocalDate from = to.minusDays(20);
    WebElement range = driver.findElement(By.id("analytics:range_input"));
    // The range as the field shows it ("from – to", an en dash), in one go: the picker reads the
    // field on each input event and writes its own reading back on change, as after typing.
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        range,
        from + " \u2013 " + to);
    // The date picker's calendar opens on focus and may cover the button: press it by script.
    driver.executeScript("arguments[0].click();", driver.findElement(By.id("analytics:show")));
    wait.until(ExpectedConditions.stalenessOf(range));
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.tagName("canvas"), 3));
    // The picker writes the range into its field when its widget starts, after the page loads.
    wait.until(d -> !d.findElement(By.id("analytics:range_input")).getAttribute("value").isEmpty());
    assertThat(driver.findElement(By.id("analytics:range_input")).getAttribute("value"))
        .contains(from.toString())
        .contains(to.toString());
    assertThat(driver.findElement(By.id("funnelFigures")).getText()).contains("Sent 1");
    browser.screenshot("analytics-range");

    Path csv = Browser.DOWNLOADS.resolve("messages-per-day.csv");
    Files.deleteIfExists(csv);
    browser.click("analytics:exportVolume");
    wait.until(d -> Files.exists(csv) && csv.toFile().length() > 0);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("day,conversations,received,sent");
    assertThat(lines).hasSize(1 + 21);
    assertThat(lines.get(1)).startsWith(from.toString());
    assertThat(
            lines.stream()
                .skip(1)
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
                .sum())
        .as("the template reply, counted once in the range")
        .isEqualTo(1);
  }

  @Test
  @Order(5)
  void aRangeTypedWithAHyphenIsReadAsTheRange() {
    browser.open(base, "app/analytics.xhtml");
    browser.waitForText("Delivery funnel");
    LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    LocalDate from = to.minusDays(6);
    String shown = from + " \u2013 " + to;

    // Typed key by key with the keyboard's hyphen: the field takes the picker's en dash as it is
    // typed, and leaving the field (the picker then writes its own reading back) keeps the range.
    // Typed as someone who stops to look at the calendar does: the pause is longer than the
    // calendar takes to open. A calendar opened by the focus took the keys typed after that moment
    // and emptied the field ("2026-11-29 -" reads as no date); it now opens from its button only.
    WebElement range = driver.findElement(By.id("analytics:range_input"));
    range.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    range.sendKeys(from + " -");
    pause(Duration.ofSeconds(1));
    assertThat(range.getAttribute("value")).as("not emptied while typing").isEqualTo(from + " -");
    new Actions(driver).sendKeys(" " + to).perform();
    assertThat(range.getAttribute("value")).isEqualTo(shown);
    assertThat(driver.switchTo().activeElement().getAttribute("id"))
        .as("the keys stay in the field")
        .isEqualTo("analytics:range_input");
    assertThat(driver.findElements(By.cssSelector(".p-datepicker-panel")))
        .as("no calendar opened by typing")
        .noneMatch(WebElement::isDisplayed);
    driver.executeScript(
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", range);
    assertThat(range.getAttribute("value")).as("not emptied on change").isEqualTo(shown);
    driver.executeScript("arguments[0].click();", driver.findElement(By.id("analytics:show")));
    wait.until(ExpectedConditions.stalenessOf(range));
    wait.until(d -> !d.findElement(By.id("analytics:range_input")).getAttribute("value").isEmpty());
    assertThat(driver.findElement(By.id("analytics:range_input")).getAttribute("value"))
        .isEqualTo(shown);
    assertThat(driver.findElement(By.tagName("body")).getText())
        .doesNotContain("Choose a start and an end date.");
    browser.screenshot("analytics-typed-range");

    // Posted as typed, the script's rewriting bypassed: the server reads the hyphen as well.
    WebElement again = driver.findElement(By.id("analytics:range_input"));
    LocalDate earlier = from.minusDays(7);
    driver.executeScript("arguments[0].value = arguments[1];", again, earlier + " - " + to);
    driver.executeScript("arguments[0].click();", driver.findElement(By.id("analytics:show")));
    wait.until(ExpectedConditions.stalenessOf(again));
    wait.until(d -> !d.findElement(By.id("analytics:range_input")).getAttribute("value").isEmpty());
    assertThat(driver.findElement(By.id("analytics:range_input")).getAttribute("value"))
        .isEqualTo(earlier + " \u2013 " + to);

    // The calendar still opens from its button, on the range shown.
    driver.findElement(By.cssSelector("#analytics\\:range .ui-datepicker-trigger")).click();
    WebElement calendar =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".p-datepicker-panel")));
    assertThat(calendar.findElements(By.cssSelector(".ui-state-active")))
        .as("the chosen days are marked")
        .isNotEmpty();
  }

  /** A person's pause between keys (nothing to wait for: what must not happen meanwhile). */
  static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
