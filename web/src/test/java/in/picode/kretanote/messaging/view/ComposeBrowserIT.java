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
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The compose box in a real browser (Debian's headless Chromium), used by an agent: typing {@code
 * /gre} offers the team's canned response, picking it replaces the shortcut, the emoji picker adds
 * an emoji at the caret, and the message reaches the Meta simulator and the history with its emoji
 * intact; then an image is attached and sent. Screenshots land in {@code web/target/screenshots/}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeBrowserIT {

  static final String GREETING = "Hello! Thanks for writing to Bistro Lima.";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("compose-browser", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;
  static WebDriver driver;
  static WebDriverWait wait;
  SimulatorControl sim = SimulatorControl.fromTestJvm();
  static User owner;
  static User agent;
  static Webhooks.Tenant live;
  static String customer;
  static long conversation;

  @BeforeAll
  static void browser() throws IOException {
    TestAccounts.clearAddressThrottle();
    ItMeta.start();
    String run = TestAccounts.run();
    owner = TestAccounts.owner("ComposeBrowser", run);
    agent = TestAccounts.user(owner.tenantId(), "agent-compose-" + run + "@example.com", "AGENT");
    customer = "4915" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
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

  static void screenshot(String name) {
    browser.screenshot(name);
  }

  static void click(String id) {
    browser.click(id);
  }

  static String awaitWamid(String sql, Object... params) {
    String wamid = null;
    for (int i = 0; i < 150 && wamid == null; i++) {
      wamid = string(sql, params);
      if (wamid == null) {
        Webhooks.pause(200);
      }
    }
    assertThat(wamid).as("the simulator accepted the message").isNotNull();
    return wamid;
  }

  /** The owner connects a simulated number over HTTP; the team has one canned response. */
  void businessWithCustomer() {
    WebClient ownerClient = WebClient.signedIn(base, owner);
    Document connected =
        ownerClient.submit(
            ownerClient.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    ownerClient.submit(
        ownerClient.get("app/settings/canned-responses.xhtml"),
        "canned",
        Map.of("shortcut", "greeting", "body", GREETING),
        "save");
    assertThat(count("SELECT COUNT(*) FROM canned_response WHERE tenant_id = ?", owner.tenantId()))
        .isEqualTo(1);
    long connection =
        count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    live =
        new Webhooks.Tenant(
            owner.tenantId(),
            connection,
            string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection));
    Inbound.text(base, live, customer, "Marta Silva", "Olá! Table for 4 tonight? 🙏");
    conversation = Inbound.conversationOf(live, customer);
  }

  @Test
  @Order(1)
  void anAgentPicksACannedResponseAddsAnEmojiAndSends() {
    businessWithCustomer();
    browser.open(base, "login.xhtml");
    browser.type("login:email", agent.email());
    browser.type("login:password", PASSWORD);
    click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));

    browser.open(base, "app/conversation.xhtml?id=" + conversation);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.in .text"), "Table for 4 tonight? 🙏"));
    WebElement reply = driver.findElement(By.id("conv:reply"));
    reply.sendKeys("/gre");
    WebElement suggestion =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-autocomplete-item")));
    assertThat(suggestion.getText()).isEqualTo(GREETING);
    screenshot("compose-canned");
    suggestion.click();
    wait.until(ExpectedConditions.attributeToBe(reply, "value", GREETING));

    reply.sendKeys(" See you at 8");
    click("emojiToggle");
    WebElement party =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#emojiPanel [data-emoji='🎉']")));
    screenshot("compose-emoji");
    party.click();
    String text = GREETING + " See you at 8🎉";
    assertThat(reply.getAttribute("value")).isEqualTo(text);
    assertThat(driver.findElement(By.id("emojiPanel")).isDisplayed()).isFalse();

    click("conv:send");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.out .text"), "See you at 8🎉"));
    String wamid =
        awaitWamid(
            "SELECT wamid FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'",
            conversation);
    JsonArray atMeta = sim.sent(live.phoneNumberId());
    assertThat(atMeta).hasSize(1);
    assertThat(
            atMeta
                .getJsonObject(0)
                .getJsonObject("request")
                .getJsonObject("text")
                .getString("body"))
        .as("the emoji reached Meta intact")
        .isEqualTo(text);
    assertThat(string("SELECT text FROM message WHERE wamid = ?", wamid)).isEqualTo(text);
    // Reloaded from the database, the history still shows both emoji.
    driver.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.out .text"), "See you at 8🎉"));
    assertThat(driver.findElement(By.cssSelector(".bubble.in .text")).getText())
        .endsWith("tonight? 🙏");
    screenshot("compose-sent");
  }

  @Test
  @Order(2)
  void anAgentAttachesAnImage() throws IOException {
    Path image = Files.createTempFile("terrace", ".png");
    byte[] png = new byte[30_000];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, png, 0, signature.length);
    Files.write(image, png);
    driver
        .findElement(By.cssSelector("#conv input[type=file]"))
        .sendKeys(image.toAbsolutePath().toString());
    driver.findElement(By.id("conv:caption")).sendKeys("Our terrace tonight");
    click("conv:sendFile");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#conv\\:history"), "Our terrace tonight"));
    awaitWamid(
        "SELECT wamid FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'"
            + " AND type = 'image'",
        conversation);
    JsonArray atMeta = sim.sent(live.phoneNumberId());
    assertThat(atMeta).hasSize(2);
    JsonObject request = atMeta.getJsonObject(1).getJsonObject("request");
    assertThat(request.getString("type")).isEqualTo("image");
    assertThat(request.getJsonObject("image").getString("caption"))
        .isEqualTo("Our terrace tonight");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".history"), "Our terrace tonight"));
    assertThat(driver.findElements(By.cssSelector(".bubble.out .media-card"))).hasSize(1);
    screenshot("compose-image");
    Files.deleteIfExists(image);
  }
}
