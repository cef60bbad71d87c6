package in.picode.kretanote.outbound.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
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
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The campaign form in a real browser: the owner picks a template and maps its placeholders to a
 * contact field and a custom field with fallbacks, builds a segment (any tags, none of a tag, a
 * field condition) while the count of matching contacts follows each change, and creates the
 * campaign (1400 px); the same form on a phone (390 px). Screenshots land in {@code
 * web/target/screenshots/}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class CampaignFormBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("campaign-form-browser", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
    TestAccounts.clearAddressThrottle();
  }

  @Test
  void anOwnerMapsValuesAndBuildsASegmentWithALiveCount() {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    User user = TestAccounts.owner("CampaignForm", run);
    long tenant = user.tenantId();
    WebClient http = WebClient.signedIn(base, user);
    assertThat(
            http.submit(http.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate")
                .text())
        .contains("is connected");
    TestAccounts.update(
        "insert into message_template (tenant_id, connection_id, waba_id, name, language,"
            + " category, status, components, updated_at)"
            + " select tenant_id, id, waba_id, 'city_news', 'en_US', 'MARKETING', 'APPROVED',"
            + " '[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, news from {{2}}.\"}]', now(6)"
            + " from whatsapp_connection where tenant_id = ?",
        tenant);
    TestAccounts.update(
        "insert into custom_field (tenant_id, name, type, created_at) values (?, 'City', 'TEXT',"
            + " now(6))",
        tenant);
    long city =
        ((Number) TestAccounts.value("select id from custom_field where tenant_id = ?", tenant))
            .longValue();
    String[][] people = {{"Ana", "vip"}, {"Ben", "vip"}, {"Caro", "wholesale"}, {"Dan", "x"}};
    for (int i = 0; i < people.length; i++) {
      long contact =
          TestAccounts.contact(
              tenant, "4917" + (10_000_000 + (int) (Math.random() * 89_999_999)), people[i][0]);
      TestAccounts.update(
          "insert into contact_tag (tenant_id, contact_id, tag) values (?, ?, ?)",
          tenant,
          contact,
          people[i][1]);
      if (i == 0) {
        TestAccounts.update(
            "insert into contact_field_value (tenant_id, contact_id, field_id, value)"
                + " values (?, ?, ?, 'Lisbon')",
            tenant,
            contact,
            city);
      }
    }

    signIn(user, 1400);
    browser.open(base, "app/campaigns.xhtml");
    browser.type("create:name", "City news");
    browser.choose("create:template", templateLabel());
    browser.waitForText("{{2}}");
    browser.choose("create:rows:0:source", "First name");
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("create:rows:0:fallback")));
    browser.type("create:rows:0:fallback", "friend");
    browser.choose("create:rows:1:source", "Custom field");
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("create:rows:1:field")));
    browser.choose("create:rows:1:field", "City");
    browser.type("create:rows:1:fallback", "your city");

    check("create:anyTags", "vip");
    browser.waitForText("2 contacts match");
    check("create:anyTags", "wholesale");
    browser.waitForText("3 contacts match");
    check("create:noTags", "wholesale");
    browser.waitForText("2 contacts match");
    browser.click("create:addCondition");
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("create:crows:0:cfield")));
    browser.choose("create:crows:0:cfield", "City");
    browser.choose("create:crows:0:cop", "is set");
    browser.waitForText("1 contact matches");
    browser.screenshot("campaign-form-desktop");

    browser.click("create:save");
    browser.waitForText("Campaign created as a draft");
    assertThat(
            TestAccounts.value(
                "select value_map from campaign where tenant_id = ? and name = 'City news'",
                tenant))
        .asString()
        .contains("FIRST_NAME")
        .contains("\"field\":" + city)
        .contains("your city");
    assertThat(browser.driver().findElement(By.id("list:table")).getText())
        .contains("City news")
        .contains("any tag of \u201cvip\u201d")
        .contains("none of the tags \u201cwholesale\u201d")
        .contains("1 field condition");

    signIn(user, 390);
    browser.open(base, "app/campaigns.xhtml");
    browser.choose("create:template", templateLabel());
    browser.waitForText("{{2}}");
    check("create:anyTags", "vip");
    browser.waitForText("2 contacts match");
    browser.screenshot("campaign-form-390");
    assertThat(browser.sidewaysOverflow()).as("no sideways scrolling at 390 px").isZero();
    assertThat(browser.controlsOffScreen()).as("controls off the screen").isEmpty();
  }

  String templateLabel() {
    String phone =
        (String)
            TestAccounts.value(
                "select display_phone_number from whatsapp_connection where tenant_id = "
                    + "(select tenant_id from message_template where name = 'city_news'"
                    + " order by id desc limit 1)");
    return "city_news (en_US) · " + phone;
  }

  /** Ticks {@code label} in a PrimeFaces checkbox menu, then closes it. */
  void check(String menuId, String label) {
    browser.click(menuId);
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[@id='"
                        + menuId
                        + "_panel']//li[.//label[normalize-space()='"
                        + label
                        + "']]//div[contains(@class,'ui-chkbox-box')]")))
        .click();
    // Close the list by a click beside it; the heading may be under the sticky header when the
    // page scrolled to the list, so it comes into view first.
    var heading = browser.driver().findElement(By.tagName("h1"));
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", heading);
    heading.click();
  }

  void signIn(User user, int width) {
    if (browser != null) {
      browser.quit();
    }
    browser = Browser.start(width, 1400);
    browser.open(base, "login.xhtml");
    browser.type("login:email", user.email());
    browser.type("login:password", PASSWORD);
    browser.click("login:submit");
    browser.waiting().until(ExpectedConditions.urlContains("/app/"));
  }
}
