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
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
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
 * Reply buttons and a list sent from the compose box's "More" menu in a real browser: a first try
 * over Meta's limits is refused in the dialog with every problem and reaches nothing; the fixed
 * message reaches the simulator and shows in the history as the customer sees it; the simulated
 * customer taps a button and picks a row (the simulator's control endpoint, Meta's signed webhook
 * to this deployment) and the choices come back in the history. Also at 390 px. Screenshots land in
 * {@code web/target/screenshots/interactive-*.png}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InteractiveBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("interactive-browser", Map.of());
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
  static void browser() {
    TestAccounts.clearAddressThrottle();
    ItMeta.start();
    String run = TestAccounts.run();
    owner = TestAccounts.owner("InteractiveBrowser", run);
    agent =
        TestAccounts.user(owner.tenantId(), "agent-interactive-" + run + "@example.com", "AGENT");
    customer = "4916" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
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

  /** A connected simulated number whose webhooks the simulator posts here; one customer wrote. */
  void businessWithCustomer() {
    WebClient ownerClient = WebClient.signedIn(base, owner);
    Document connected =
        ownerClient.submit(
            ownerClient.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    long connection =
        count("SELECT id FROM whatsapp_connection WHERE tenant_id = ?", owner.tenantId());
    live =
        new Webhooks.Tenant(
            owner.tenantId(),
            connection,
            string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection));
    sim.overrideCallback(
        string("SELECT waba_id FROM whatsapp_connection WHERE id = ?", connection),
        Inbound.endpoint(base).toString());
    Inbound.text(base, live, customer, "Marta Silva", "Can I pick up my cake tomorrow?");
    conversation = Inbound.conversationOf(live, customer);
  }

  void openMore(String item, String dialog) {
    By entry = By.id("conv:" + item);
    // The menu toggles: on a loaded machine a redraw of the conversation can leave it shut after
    // the first press, so press again until its entry shows (as a person would).
    for (int i = 0; i < 3 && !driver.findElement(entry).isDisplayed(); i++) {
      browser.click("conv:more_button");
      try {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
            .until(ExpectedConditions.visibilityOfElementLocated(entry));
      } catch (org.openqa.selenium.TimeoutException stillShut) {
        // pressed while it was closing: the next round presses again
      }
    }
    browser.click("conv:" + item);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conv:" + dialog)));
  }

  String awaitWamid(String type) {
    String wamid = null;
    for (int i = 0; i < 150 && wamid == null; i++) {
      wamid =
          string(
              "SELECT wamid FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'"
                  + " AND type = 'interactive' AND payload LIKE ?",
              conversation,
              "%\"type\":\"" + type + "\"%");
      if (wamid == null) {
        Webhooks.pause(200);
      }
    }
    assertThat(wamid).as("the simulator accepted the " + type + " message").isNotNull();
    return wamid;
  }

  JsonObject atMeta(String wamid) {
    return sim.sent(live.phoneNumberId()).stream()
        .map(v -> v.asJsonObject())
        .filter(v -> v.getString("wamid").equals(wamid))
        .findFirst()
        .orElseThrow()
        .getJsonObject("request");
  }

  @Test
  @Order(1)
  void anAgentSendsButtonsAndAListAndSeesTheCustomersChoicesComeBack() {
    businessWithCustomer();
    browser.open(base, "login.xhtml");
    browser.type("login:email", agent.email());
    browser.type("login:password", PASSWORD);
    browser.click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));
    browser.open(base, "app/conversation.xhtml?id=" + conversation);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.in .text"), "pick up my cake"));

    // Over Meta's limits: every problem in the dialog at once, nothing queued.
    openMore("moreButtons", "buttonsDialog");
    browser.type("conv:button1", "Tomorrow at ten o'clock");
    browser.click("conv:sendButtons");
    WebElement errors =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conv:buttonsErrors")));
    wait.until(ExpectedConditions.textToBePresentInElement(errors, "Button 1"));
    assertThat(errors.getText())
        .contains("Write the message text.")
        .contains("Button 1: the title has 23 characters; at most 20.");
    browser.screenshot("interactive-buttons-refused");
    assertThat(
            count(
                "SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'OUTBOUND'",
                conversation))
        .isZero();

    browser.type("conv:buttonsBody", "Tomorrow works. When would you like to come?");
    browser.type("conv:button1", "Morning");
    browser.type("conv:button2", "Afternoon");
    browser.click("conv:sendButtons");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("conv:buttonsDialog")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.out .choices.as-buttons"), "Afternoon"));
    String buttonsWamid = awaitWamid("button");
    JsonObject buttons = atMeta(buttonsWamid).getJsonObject("interactive");
    assertThat(
            buttons.getJsonObject("action").getJsonArray("buttons").stream()
                .map(b -> b.asJsonObject().getJsonObject("reply").getString("title"))
                .toList())
        .containsExactly("Morning", "Afternoon");

    openMore("moreList", "listDialog");
    browser.type("conv:listBody", "Which cake is it?");
    browser.type("conv:listButton", "Cakes");
    browser.type(
        "conv:listRows", "Cheesecake | with berries\nChocolate cake\nLemon tart | gluten free");
    browser.click("conv:sendList");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("conv:listDialog")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".bubble.out .choices.as-list"), "Lemon tart — gluten free"));
    String listWamid = awaitWamid("list");
    JsonObject list = atMeta(listWamid).getJsonObject("interactive").getJsonObject("action");
    assertThat(list.getString("button")).isEqualTo("Cakes");
    assertThat(list.getJsonArray("sections").getJsonObject(0).getJsonArray("rows")).hasSize(3);
    browser.screenshot("interactive-sent");

    // The customer taps "Afternoon" and picks the lemon tart, answering those messages.
    sim.customerAnswers(
        live.phoneNumberId(), customer, "button_reply", "Afternoon", "Afternoon", buttonsWamid);
    sim.customerAnswers(
        live.phoneNumberId(), customer, "list_reply", "Lemon tart", "Lemon tart", listWamid);
    for (int i = 0;
        i < 100
            && count(
                    "SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'INBOUND' AND type = 'interactive'",
                    conversation)
                < 2;
        i++) {
      Webhooks.pause(200);
    }
    driver.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".history"), "Lemon tart"));
    List<String> answers =
        driver.findElements(By.cssSelector(".bubble.in")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(answers).anyMatch(t -> t.contains("Afternoon") && t.contains("Tomorrow works"));
    assertThat(answers).anyMatch(t -> t.contains("Lemon tart") && t.contains("Which cake is it?"));
    browser.screenshot("interactive-answers");
  }

  @Test
  @Order(2)
  void theComposeFormsAndTheHistoryFitAPhone() {
    browser.phone();
    driver.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".history"), "Lemon tart"));
    browser.screenshot("interactive-390-history");
    openMore("moreList", "listDialog");
    WebElement dialog = driver.findElement(By.id("conv:listDialog"));
    assertThat(dialog.getRect().getX()).as("the dialog starts on the screen").isNotNegative();
    assertThat(dialog.getRect().getX() + dialog.getRect().getWidth())
        .as("the dialog ends on the screen")
        .isLessThanOrEqualTo(Browser.PHONE);
    assertThat(driver.findElement(By.id("conv:sendList")).isDisplayed()).isTrue();
    browser.screenshot("interactive-390-list");
  }
}
