package in.picode.kretanote.outbound.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 20's templates in a real browser, wide (1400 px) and on a phone (390 px): a manager creates
 * an image-header template with a named parameter, watches the preview render WhatsApp's formatting
 * with the example, submits it with a sample image; once approved, it is sent from a conversation
 * with an image link and a value, and the history shows the text the customer got. The list then
 * names Meta's status and category in English and Spanish, Meta's own names on hover. Screenshots
 * in {@code web/target/screenshots/templates-*}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class TemplatesBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("templates-browser", Map.of());
  }

  @ArquillianResource URL base;

  Browser browser;
  static MetaSimulator meta;

  @BeforeAll
  static void simulator() {
    TestAccounts.clearAddressThrottle();
    meta = ItMeta.start();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
    TestAccounts.clearAddressThrottle();
  }

  @Test
  void onAWideScreen() throws IOException {
    walk(1400);
  }

  @Test
  void onAPhone() throws IOException {
    walk(390);
  }

  void walk(int width) throws IOException {
    String run = TestAccounts.run() + width;
    User owner = TestAccounts.owner("TemplatesBrowser", run);
    WebClient ownerClient = WebClient.signedIn(base, owner);
    Document connected =
        ownerClient.submit(
            ownerClient.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    long connection =
        count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    String pnid =
        string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection);
    String waba = string("SELECT waba_id FROM whatsapp_connection WHERE id = ?", connection);
    String customer = "4917" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    java.net.URI before = meta.callback();
    meta.setCallback(java.net.URI.create(base.toString()).resolve("webhooks/whatsapp"));
    try {
      meta.customerWrites(pnid, customer, "Is my table ready?");
      TemplateShapesIT.await(
          () ->
              count(
                      "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND direction = 'INBOUND'",
                      owner.tenantId())
                  == 1);
    } finally {
      meta.setCallback(before);
    }
    long conversation =
        count(
            "SELECT conversation_id FROM message WHERE tenant_id = ? AND direction = 'INBOUND'",
            owner.tenantId());
    Path png = Files.createTempFile("table", ".png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});

    browser = Browser.start(width, 1000);
    WebDriver driver = browser.driver();
    WebDriverWait wait = browser.waiting();
    signIn(owner.email(), wait);

    String name = "table_" + run;
    browser.open(base, "app/templates.xhtml");
    browser.type("create:name", name);
    browser.choose("create:headerFormat", "Image");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#create input[type=file]")));
    driver.findElement(By.cssSelector("#create input[type=file]")).sendKeys(png.toString());
    browser.type("create:body", "Hi {{first_name}}, *your table* is ready");
    browser.type("create:examples", "Ana");
    browser.type("create:footer", "Kreta Bakery");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[id='create:preview'] .wa-footer"), "Kreta Bakery"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[id='create:preview'] .wa-body"), "Hi Ana, your table is ready"));
    assertThat(
            driver.findElement(By.cssSelector("[id='create:preview'] .wa-body strong")).getText())
        .isEqualTo("your table");
    assertThat(driver.findElement(By.cssSelector("[id='create:preview'] .wa-media")).getText())
        .contains("Image");
    driver
        .findElement(By.id("create:preview"))
        .getLocation(); // scrolls nothing; the screenshot shows the form's top and preview
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('create:preview').scrollIntoView({block:'center'})");
    browser.screenshot("templates-preview-" + width);
    fits("templates-preview at " + width + " px");
    browser.click("create:save");
    browser.waitForText("Template " + name + " submitted to Meta");
    assertThat(
            meta.templates(waba).stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .components()
                .toString())
        .contains("\"header_handle\":[\"4::")
        .contains("body_text_named_params");

    Webhooks.execute(
        "UPDATE message_template SET status = 'APPROVED' WHERE tenant_id = ? AND name = ?",
        owner.tenantId(),
        name);
    meta.setTemplateStatus(waba, name, "en_US", "APPROVED", null);
    browser.open(base, "app/conversation.xhtml?id=" + conversation);
    browser.choose("conv:template", name + " (en_US)");
    browser.type("conv:templateValues", "Ben");
    browser.type("conv:templateMedia", "https://cdn.example/table.png");
    browser.click("conv:sendTemplate");
    browser.waitForText("Hi Ben, *your table* is ready");
    assertThat(driver.findElement(By.tagName("body")).getText())
        .doesNotContain("[template " + name);
    browser.screenshot("templates-sent-" + width);
    fits("templates-sent at " + width + " px");
    Files.deleteIfExists(png);

    // The list says Meta's status and category in the reader's words, Meta's own name on hover
    // (owners compare with WhatsApp Manager), in English and, after signing in again, in Spanish;
    // at the phone's real width nothing overflows sideways.
    browser.viewport(width, 1000);
    browser.open(base, "app/templates.xhtml");
    assertThat(listed(wait, "status", "APPROVED")).isEqualTo("Approved");
    assertThat(listed(wait, "category", "UTILITY")).isEqualTo("Utility");
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains("Approved: ready to send.")
        .doesNotContain("APPROVED");
    browser.screenshot("templates-list-" + width);
    assertNoSidewaysOverflow(driver, width);
    TestAccounts.update("UPDATE user_account SET language = 'es' WHERE id = ?", owner.id());
    driver.manage().deleteAllCookies();
    signIn(owner.email(), wait);
    browser.open(base, "app/templates.xhtml");
    assertThat(listed(wait, "status", "APPROVED")).isEqualTo("Aprobada");
    assertThat(listed(wait, "category", "UTILITY")).isEqualTo("Utilidad");
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains("Aprobada: lista para enviar.");
    browser.screenshot("templates-list-es-" + width);
    assertNoSidewaysOverflow(driver, width);
  }

  /** The text of the template list's {@code field} whose title is Meta's {@code metaName}. */
  private static String listed(WebDriverWait wait, String field, String metaName) {
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("span[id$=':" + field + "'][title='" + metaName + "']")))
        .getText();
  }

  private static void assertNoSidewaysOverflow(WebDriver driver, int width) {
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
    Object overflow =
        js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    Object widest =
        js.executeScript(
            "return Array.from(document.querySelectorAll('main *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                + " + Math.round(e.getBoundingClientRect().right)).join(', ');");
    assertThat(((Number) overflow).longValue())
        .as("the templates list overflows sideways at %d px: %s", width, widest)
        .isLessThanOrEqualTo(0);
  }

  private void signIn(String email, WebDriverWait wait) {
    browser.open(base, "login.xhtml");
    browser.type("login:email", email);
    browser.type("login:password", PASSWORD);
    browser.click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));
  }

  /** Nothing sticks out sideways: no scrolling, no control off the screen. */
  void fits(String where) {
    assertThat(browser.sidewaysOverflow()).as("%s overflows sideways", where).isZero();
    assertThat(browser.controlsOffScreen()).as("%s: controls off the screen", where).isEmpty();
  }
}
