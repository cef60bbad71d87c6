package in.picode.kretanote.messaging.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * KretaNote in the user's language (issue #21): a public page follows the browser's language and
 * its switch; a user whose preference is Arabic reads every dashboard page right to left at a
 * phone's and a desktop's width, with no missing text ({@code ???}) and nothing overflowing
 * sideways; a user who picks Hindi under Preferences reads the workplace in Hindi; a date picker's
 * popup fits a phone's screen in Spanish and in Arabic. Screenshots land in {@code
 * web/target/screenshots/ar/…} and {@code …/hi/…} for a reviewer.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguagesBrowserIT {

  /**
   * Every dashboard page a signed-in owner opens without parameters, and one conversation and its
   * contact's privacy page ({@code %d}: the conversation, {@code %c}: its contact).
   */
  static final List<String> PAGES =
      List.of(
          "app/index.xhtml",
          "app/inbox.xhtml",
          "app/conversation.xhtml?id=%d",
          "app/contacts.xhtml",
          "app/contacts-import.xhtml",
          "app/campaigns.xhtml",
          "app/templates.xhtml",
          "app/analytics.xhtml",
          "app/preferences.xhtml",
          "app/account-security.xhtml",
          "app/api-reference.xhtml",
          "app/settings/index.xhtml",
          "app/settings/billing.xhtml",
          "app/settings/whatsapp.xhtml",
          "app/settings/team.xhtml",
          "app/settings/teams.xhtml",
          "app/settings/canned-responses.xhtml",
          "app/settings/labels.xhtml",
          "app/settings/custom-fields.xhtml",
          "app/settings/privacy.xhtml",
          "app/settings/contact-privacy.xhtml?id=%c",
          "app/settings/audit.xhtml",
          "app/settings/delete-account.xhtml",
          "app/settings/api-keys.xhtml",
          "app/settings/webhooks.xhtml",
          "app/settings/business-hours.xhtml",
          "app/settings/automation.xhtml",
          "app/settings/macros.xhtml",
          "app/settings/sla.xhtml",
          "app/settings/csat.xhtml");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("languages", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;
  static WebDriver driver;
  static WebDriverWait wait;
  static Tenant tenant;
  static User arabic;
  static User hindi;
  static User spanish;
  static long conversation;

  @BeforeAll
  static void browser() {
    TestAccounts.clearAddressThrottle();
    String run = TestAccounts.run();
    tenant = Webhooks.tenantWithNumber("Languages Bistro " + run);
    arabic = TestAccounts.user(tenant.id(), "owner-ar-" + run + "@example.com", "OWNER");
    hindi = TestAccounts.user(tenant.id(), "agent-hi-" + run + "@example.com", "AGENT");
    TestAccounts.update("UPDATE user_account SET language = 'ar' WHERE id = ?", arabic.id());
    spanish = TestAccounts.user(tenant.id(), "owner-es-" + run + "@example.com", "OWNER");
    TestAccounts.update("UPDATE user_account SET language = 'es' WHERE id = ?", spanish.id());
    browser = Browser.start(1400, 900);
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
  void aPublicPageFollowsTheBrowsersLanguageAndItsSwitch() throws Exception {
    HttpResponse<String> hindiBrowser =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                    .header("Accept-Language", "fr-FR,hi-IN;q=0.8,en;q=0.5")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(hindiBrowser.body()).contains("lang=\"hi\"").contains("dir=\"ltr\"");

    open("login.xhtml");
    assertThat(attribute("lang")).as("Chromium asks for English").isEqualTo("en");
    driver.findElement(By.cssSelector("#languages a[lang='ar']")).click();
    wait.until(d -> "rtl".equals(attribute("dir")));
    assertThat(attribute("lang")).isEqualTo("ar");
    browser.screenshot("ar/public-login");
    // The pick holds for the session's next public page, without the parameter.
    open("forgot.xhtml");
    assertThat(attribute("dir")).isEqualTo("rtl");
    driver.findElement(By.cssSelector("#languages a[lang='en']")).click();
    wait.until(d -> "ltr".equals(attribute("dir")));
  }

  @Test
  @Order(2)
  void anArabicUserReadsEveryPageRightToLeft() {
    String waId = "9198" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
    Inbound.text(base, tenant, waId, "ليلى حسن", "هل لديكم طاولة لشخصين الليلة؟");
    conversation = Inbound.conversationOf(tenant, waId);
    signIn(arabic);
    for (int width : new int[] {1400, 390}) {
      browser.viewport(width, 900);
      for (String page : PAGES) {
        visit(page, "ar", width);
        assertThat(attribute("dir")).as(page).isEqualTo("rtl");
      }
    }
    open("app/inbox.xhtml");
    assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("صندوق الوارد");
    // At 390 px the navigation is a closed drawer: its words, not what is visible.
    assertThat(driver.findElement(By.id("sidebar")).getAttribute("textContent"))
        .contains("جهات الاتصال");
    signOut();
  }

  @Test
  @Order(3)
  void aUserWhoPicksHindiReadsTheWorkplaceInHindi() {
    browser.viewport(1400, 900);
    signIn(hindi);
    open("app/preferences.xhtml");
    assertThat(attribute("lang")).as("no preference yet: Chromium's English").isEqualTo("en");
    browser.choose("prefs:language", "हिन्दी");
    browser.click("prefs:save");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "प्राथमिकताएँ"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("सहेजा गया");
    assertThat(string("SELECT language FROM user_account WHERE id = ?", hindi.id()))
        .isEqualTo("hi");
    browser.viewport(390, 900);
    for (String page :
        List.of("app/index.xhtml", "app/inbox.xhtml", "app/conversation.xhtml?id=%d")) {
      visit(page, "hi", 390);
      assertThat(attribute("dir")).as(page).isEqualTo("ltr");
    }
    open("app/inbox.xhtml");
    assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("इनबॉक्स");

    // Back to the browser's language: the choice is undone, not a seventh language.
    open("app/preferences.xhtml");
    browser.choose("prefs:language", "ब्राउज़र की भाषा");
    browser.click("prefs:save");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Preferences"));
    assertThat(string("SELECT language FROM user_account WHERE id = ?", hindi.id())).isNull();
  }

  /**
   * A refusal of the business core (a team without a name, refused by {@code routing.boundary
   * .Teams}) and a PrimeFaces widget (the date picker's month names) in Spanish and in Arabic.
   */
  @Test
  @Order(4)
  void refusalsAndWidgetsSpeakTheUsersLanguage() {
    record Expected(User user, String language, String refusal, List<String> months) {}
    for (Expected e :
        List.of(
            new Expected(
                spanish,
                "es",
                "Ponle un nombre al equipo.",
                List.of(
                    "Enero",
                    "Febrero",
                    "Marzo",
                    "Abril",
                    "Mayo",
                    "Junio",
                    "Julio",
                    "Agosto",
                    "Septiembre",
                    "Octubre",
                    "Noviembre",
                    "Diciembre")),
            new Expected(
                arabic,
                "ar",
                "أعطِ الفريق اسمًا.",
                List.of(
                    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
                    "اكتوبر", "نوفمبر", "ديسمبر")))) {
      browser.viewport(1400, 900);
      signIn(e.user());
      open("app/settings/teams.xhtml");
      browser.click("edit:create");
      // The messages element is replaced by the Ajax update: read it afresh on every poll (a
      // node replaced between finding and reading it is not yet the answer).
      wait.until(
          d -> {
            try {
              return d.findElement(By.id("messages")).getText().contains(e.refusal());
            } catch (org.openqa.selenium.WebDriverException replaced) {
              return false;
            }
          });
      browser.screenshot(e.language() + "/refusal-teams");

      browser.viewport(390, 900);
      browser.consoleErrors();
      open("app/analytics.xhtml");
      // The calendar opens from its button (analytics.xhtml: not on focus, so typing is kept).
      driver.findElement(By.cssSelector("#analytics\\:range .ui-datepicker-trigger")).click();
      By panel = By.cssSelector(".ui-datepicker-title, .ui-datepicker-month");
      wait.until(ExpectedConditions.visibilityOfElementLocated(panel));
      assertThat(browser.consoleErrors())
          .as("the console of the analytics page with its date picker at 390 px")
          .isEmpty();
      String title =
          driver.findElement(By.cssSelector(".ui-datepicker-group, .ui-datepicker")).getText();
      browser.screenshot(e.language() + "/390/datepicker");
      // The popup fits the phone's screen, left to right and right to left.
      WebElement popup =
          driver.findElements(By.cssSelector(".p-datepicker-panel")).stream()
              .filter(WebElement::isDisplayed)
              .findFirst()
              .orElseThrow();
      List<?> box =
          (List<?>)
              js(
                  "var r = arguments[0].getBoundingClientRect();"
                      + " return [r.left, r.right, document.documentElement.clientWidth,"
                      + " window.innerWidth];",
                  popup);
      double left = ((Number) box.get(0)).doubleValue();
      double right = ((Number) box.get(1)).doubleValue();
      double screen = ((Number) box.get(2)).doubleValue();
      assertThat(((Number) box.get(3)).intValue()).as("a phone's width").isEqualTo(390);
      assertThat(left)
          .as("the date picker's left edge in %s at 390 px", e.language())
          .isGreaterThanOrEqualTo(0);
      assertThat(right)
          .as("the date picker's right edge in %s at 390 px (screen %s)", e.language(), screen)
          .isLessThanOrEqualTo(screen);
      assertThat(e.months())
          .as("the date picker's months in %s: %s", e.language(), title)
          .anyMatch(title::contains);
      assertThat(title).doesNotContain("January").doesNotContain("December");
      signOut();
    }
  }

  /**
   * Every dashboard page in each of the other four languages (Arabic is above, English is every
   * other browser test's): its own words and no missing text.
   */
  @Test
  @Order(5)
  void everyPageHasItsTextsInEveryLanguage() {
    browser.viewport(1400, 900);
    for (String language : List.of("es", "pt-BR", "hi", "id")) {
      TestAccounts.update(
          "UPDATE user_account SET language = ? WHERE id = ?", language, spanish.id());
      signIn(spanish);
      for (String page : PAGES) {
        visit(page, language, 1400);
      }
      signOut();
    }
    TestAccounts.update("UPDATE user_account SET language = 'es' WHERE id = ?", spanish.id());
  }

  void visit(String page, String language, int width) {
    String path =
        page.contains("%d")
            ? String.format(page, conversation)
            : page.contains("%c")
                ? page.replace(
                    "%c",
                    Webhooks.string(
                        "SELECT contact_id FROM conversation WHERE id = ?", conversation))
                : page;
    open(path);
    wait.until(d -> "complete".equals(js("return document.readyState;")));
    String name = path.replaceAll("^app/", "").replaceAll("\\.xhtml.*", "").replace('/', '-');
    browser.screenshot(language + "/" + width + "/" + name);
    assertThat(driver.findElements(By.cssSelector("main h1"))).as(path).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector(".error-title")))
        .as("%s answered an error page", path)
        .isEmpty();
    assertThat(attribute("lang")).as(path).isEqualTo(language);
    assertThat(driver.getPageSource()).as("%s shows a missing text", path).doesNotContain("???");
    assertThat(browser.sidewaysOverflow())
        .as("%s at %d px overflows sideways", path, width)
        .isLessThanOrEqualTo(0);
    assertThat(browser.controlsOffScreen())
        .as("%s at %d px: controls off the screen", path, width)
        .isEmpty();
  }

  void signIn(User user) {
    // A fresh session each time, whatever the test before left behind.
    driver.manage().deleteAllCookies();
    open("login.xhtml");
    driver.findElement(By.id("login:email")).sendKeys(user.email());
    driver.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.click("login:submit");
    wait.until(ExpectedConditions.urlContains("/app/"));
  }

  void signOut() {
    browser.viewport(1400, 900);
    open("app/index.xhtml");
    browser.click("session:logout");
    wait.until(ExpectedConditions.urlContains("login"));
  }

  String attribute(String name) {
    return (String) js("return document.documentElement.getAttribute(arguments[0]);", name);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void open(String path) {
    driver.get(base.toString() + path);
  }
}
