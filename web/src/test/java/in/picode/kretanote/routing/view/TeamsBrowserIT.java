package in.picode.kretanote.routing.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.Webhooks;
import java.net.URL;
import java.util.Map;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Settings, teams in a real browser: a manager creates a team with two agents, sets round robin,
 * and is told about a duplicate name and a capacity out of range (1400 px); an agent on a phone
 * (390 px) goes Online in the header, sees the team and themselves available, and gets no forms.
 * Screenshots land in {@code web/target/screenshots/}.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("teams-browser", Map.of());
  }

  @ArquillianResource URL base;

  static User owner;
  static User ana;
  static User ben;
  static Browser browser;

  @BeforeAll
  static void accounts() {
    TestAccounts.clearAddressThrottle();
    String run = TestAccounts.run();
    owner = TestAccounts.owner("Teams", run);
    ana = TestAccounts.user(owner.tenantId(), "ana-" + run + "@example.com", "AGENT");
    ben = TestAccounts.user(owner.tenantId(), "ben-" + run + "@example.com", "AGENT");
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
    TestAccounts.clearAddressThrottle();
  }

  void signIn(User user, int width) {
    if (browser != null) {
      browser.quit();
    }
    browser = Browser.start(width, 1000);
    browser.open(base, "login.xhtml");
    browser.type("login:email", user.email());
    browser.type("login:password", PASSWORD);
    browser.click("login:submit");
    browser.waiting().until(ExpectedConditions.urlContains("/app/"));
  }

  @Test
  @Order(1)
  void aManagerCreatesATeamWithMembersAndSetsRoundRobin() {
    signIn(owner, 1400);
    browser.driver().findElement(By.linkText("Teams")).click();
    browser.waitForText("No teams yet.");
    browser.click("edit:create");
    browser.waitForText("Give the team a name.");

    browser.type("edit:name", "Sales");
    checkMember("Agent " + ana.email());
    checkMember("Agent " + ben.email());
    browser.click("edit:create");
    browser.waitForText("Team \"Sales\" created.");
    assertThat(browser.driver().findElement(By.id("list:table")).getText())
        .contains("Sales")
        .contains("Agent " + ana.email())
        .contains("Agent " + ben.email())
        .contains("Off (assign by hand)");

    browser.type("edit:name", "sales");
    browser.click("edit:create");
    browser.waitForText("There is already a team called \"sales\".");

    browser.click("list:table:0:editLink");
    browser.waitForText("Edit team");
    browser.choose("edit:mode", "Round robin among Online members");
    browser.type("edit:capacity", "10000");
    browser.type("edit:name", "");
    browser.click("edit:save");
    browser.waitForText("a number from 1 to 1000");
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .as("all the form's problems at once")
        .contains("Give the team a name.");
    assertThat(
            TestAccounts.value(
                "SELECT assignment_mode FROM team WHERE tenant_id = ?", owner.tenantId()))
        .as("nothing half-saved")
        .isEqualTo("OFF");

    browser.type("edit:name", "Sales");
    browser.type("edit:capacity", "5");
    browser.choose("edit:mode", "Round robin among Online members");
    browser.click("edit:save");
    browser.waitForText("Team \"Sales\" saved.");
    assertThat(browser.driver().findElement(By.id("list:table")).getText())
        .contains("Round robin among Online members");
    assertThat(
            TestAccounts.count(
                "SELECT COUNT(*) FROM team_member m JOIN team t ON t.id = m.team_id"
                    + " WHERE t.tenant_id = ? AND t.assignment_mode = 'ROUND_ROBIN'",
                owner.tenantId()))
        .isEqualTo(2);
    browser.screenshot("teams-manager-1400");
  }

  @Test
  @Order(2)
  void anAgentOnAPhoneGoesOnlineAndSeesTheTeamWithoutForms() {
    signIn(ana, 390);
    browser.choose("availability:status", "● Online");
    browser
        .waiting()
        .until(
            d ->
                "ONLINE"
                    .equals(
                        TestAccounts.value(
                            "SELECT status FROM agent_presence WHERE user_id = ?", ana.id())));
    browser.open(base, "app/settings/teams.xhtml");
    browser.waitForText("Who is available");
    assertThat(browser.driver().findElement(By.id("list:table")).getText()).contains("Sales");
    assertThat(browser.driver().findElement(By.id("people:table")).getText())
        .contains("Agent " + ana.email())
        .contains("Online");
    assertThat(browser.driver().findElements(By.id("edit:create"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("list:table:0:editLink"))).isEmpty();
    long scroll =
        ((Number)
                browser
                    .driver()
                    .executeScript(
                        "return document.documentElement.scrollWidth"
                            + " - document.documentElement.clientWidth"))
            .longValue();
    assertThat(scroll).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
    browser.screenshot("teams-agent-390");
    browser.click("session:logout");
    browser.waitForText("signed out");
    assertThat(TestAccounts.value("SELECT status FROM agent_presence WHERE user_id = ?", ana.id()))
        .as("signing out is Offline at once")
        .isEqualTo("OFFLINE");
  }

  void checkMember(String name) {
    browser
        .driver()
        .findElement(By.xpath("//label[normalize-space(text())='" + name + "']"))
        .click();
  }
}
