package in.picode.kretanote.messaging.view;

import static in.picode.kretanote.testing.TestAccounts.count;
import static in.picode.kretanote.testing.TestAccounts.value;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings → Canned responses over HTTP: an owner adds, edits and deletes responses (each change
 * audited); a duplicate or malformed shortcut and an oversized text are refused next to their field
 * and change nothing; another business reaches none of them by id; an agent cannot open the page or
 * see its link.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class CannedResponsesIT {

  static final String PAGE = "app/settings/canned-responses.xhtml";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("canned", Map.of());
  }

  @ArquillianResource URL base;

  @BeforeEach
  void freshAddress() {
    TestAccounts.clearAddressThrottle();
  }

  static Document save(WebClient browser, Document page, String shortcut, String body) {
    return browser.submit(page, "canned", Map.of("shortcut", shortcut, "body", body), "save");
  }

  static long responses(long tenant) {
    return count("select count(*) from canned_response where tenant_id = ?", tenant);
  }

  @Test
  void anOwnerAddsEditsAndDeletesAndBadInputChangesNothing() {
    User user = TestAccounts.owner("Canned", TestAccounts.run());
    long tenant = user.tenantId();
    WebClient owner = WebClient.signedIn(base, user);
    assertThat(owner.get("app/index.xhtml").select("nav a").eachText())
        .contains("Canned responses");

    Document saved =
        save(owner, owner.get(PAGE), "/opening-hours", "We are open 9–18 h, Mon–Sat 🕘");
    assertThat(saved.text()).contains("Saved /opening-hours.");
    assertThat(saved.select("#canned\\:list").text())
        .contains("/opening-hours")
        .contains("We are open 9–18 h, Mon–Sat 🕘");
    assertThat(value("select body from canned_response where tenant_id = ?", tenant))
        .as("stored as utf8mb4")
        .isEqualTo("We are open 9–18 h, Mon–Sat 🕘");

    Document duplicate = save(owner, owner.get(PAGE), "opening-hours", "Another text");
    assertThat(duplicate.text()).contains("/opening-hours is already used");
    Document spaces = save(owner, owner.get(PAGE), "opening hours", "Text");
    assertThat(spaces.text()).contains("lowercase letters, digits, - and _");
    Document upper = save(owner, owner.get(PAGE), "Hours", "Text");
    assertThat(upper.text()).contains("lowercase letters, digits, - and _");
    Document tooLong = save(owner, owner.get(PAGE), "x".repeat(33), "Text");
    assertThat(tooLong.text()).contains("1 to 32 characters");
    Document oversized = save(owner, owner.get(PAGE), "long", "a".repeat(4097));
    assertThat(oversized.text()).contains("at most 4,096");
    Document empty = save(owner, owner.get(PAGE), "empty", "   ");
    assertThat(empty.text()).contains("Write the text of the response.");
    assertThat(responses(tenant)).isEqualTo(1);

    long id = count("select id from canned_response where tenant_id = ?", tenant);
    Document edit = owner.get(PAGE + "?id=" + id);
    assertThat(edit.getElementById("canned:shortcut").val()).isEqualTo("opening-hours");
    Document changed = save(owner, edit, "hours", "Open 9–20 h today ✨");
    assertThat(changed.text()).contains("Changes to /hours saved.");
    assertThat(value("select concat(shortcut, '|', body) from canned_response where id = ?", id))
        .isEqualTo("hours|Open 9–20 h today ✨");

    // A second response cannot take the first one's shortcut by editing either.
    save(owner, owner.get(PAGE), "address", "Main Street 1");
    long second =
        count(
            "select id from canned_response where tenant_id = ? and shortcut = 'address'", tenant);
    Document taken = save(owner, owner.get(PAGE + "?id=" + second), "hours", "Main Street 1");
    assertThat(taken.text()).contains("/hours is already used");
    assertThat(value("select shortcut from canned_response where id = ?", second))
        .isEqualTo("address");

    Document list = owner.get(PAGE);
    Document deleted =
        owner.submit(list, "canned", Map.of(), "list:" + rowOf(list, "/address") + ":delete");
    assertThat(deleted.text()).contains("Deleted /address.");
    assertThat(responses(tenant)).isEqualTo(1);
    assertThat(TestAccounts.auditActions(tenant))
        .containsSubsequence(
            "canned_response.created",
            "canned_response.updated",
            "canned_response.created",
            "canned_response.deleted");
  }

  /** The row index of the response with {@code shortcut} in the rendered list. */
  static int rowOf(Document page, String shortcut) {
    var rows = page.select("#canned\\:list tbody tr");
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).select("code.shortcut").text().equals(shortcut)) {
        return i;
      }
    }
    throw new AssertionError("no row " + shortcut);
  }

  @Test
  void anotherBusinessReachesNoneOfThemById() {
    User a = TestAccounts.owner("CannedA", TestAccounts.run());
    User b = TestAccounts.owner("CannedB", TestAccounts.run());
    WebClient ownerA = WebClient.signedIn(base, a);
    save(ownerA, ownerA.get(PAGE), "secret-offer", "20 % off for Ana only");
    long id = count("select id from canned_response where tenant_id = ?", a.tenantId());

    WebClient ownerB = WebClient.signedIn(base, b);
    Document listB = ownerB.get(PAGE);
    assertThat(listB.text()).doesNotContain("secret-offer").doesNotContain("20 % off");
    ownerB.get(PAGE + "?id=" + id);
    assertThat(ownerB.lastResponse().statusCode()).isEqualTo(404);
    assertThat(ownerB.lastResponse().body()).doesNotContain("20 % off");
    ownerB.get(PAGE + "?id=1%27%20or%201=1");
    assertThat(ownerB.lastResponse().statusCode()).isEqualTo(404);

    // Shortcuts are per business: B may use the same one, and A's response stays as it was.
    save(ownerB, listB, "secret-offer", "B's own text");
    assertThat(value("select body from canned_response where id = ?", id))
        .isEqualTo("20 % off for Ana only");
    assertThat(responses(b.tenantId())).isEqualTo(1);
    assertThat(responses(a.tenantId())).isEqualTo(1);
  }

  @Test
  void anAgentCannotOpenThePage() {
    User owner = TestAccounts.owner("CannedAgent", TestAccounts.run());
    User agent =
        TestAccounts.user(
            owner.tenantId(), "agent-canned-" + TestAccounts.run() + "@example.com", "AGENT");
    WebClient browser = WebClient.signedIn(base, agent);
    assertThat(browser.get("app/index.xhtml").select("nav a").eachText())
        .doesNotContain("Canned responses");
    browser.get(PAGE);
    assertThat(browser.lastResponse().statusCode()).isEqualTo(403);
    browser.get(PAGE + "?id=1");
    assertThat(browser.lastResponse().statusCode()).isEqualTo(403);
    assertThat(responses(owner.tenantId())).isZero();
  }
}
