package in.picode.kretanote.retention.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static in.picode.kretanote.testing.TestAccounts.count;
import static in.picode.kretanote.testing.TestAccounts.value;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.AccountPagesFixture;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The privacy pages as owners, admins, agents and operators use them over HTTP: the retention
 * setting and legal hold, a contact's data-subject requests, account deletion with its
 * cancellation, and the operators' view of deletions and purges.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class PrivacyPagesIT {

  static final String OPERATOR_EMAIL = "operator@kretanote.test";
  static final String OPERATOR_PASSWORD = "Kreta-IT-only-2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("privacy", Map.of());
  }

  @RegisterExtension static final AccountPagesFixture fixture = new AccountPagesFixture();

  @ArquillianResource URL base;

  WebClient browser() {
    return new WebClient(URI.create(base.toString()));
  }

  @Test
  void anAdminSetsTheRetentionPeriodWithinTheRangeOnlyAndAnAgentCannot() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Retain", run);
    User admin =
        TestAccounts.user(owner.tenantId(), "admin-retain-" + run + "@example.com", "ADMIN");
    User agent =
        TestAccounts.user(owner.tenantId(), "agent-retain-" + run + "@example.com", "AGENT");
    WebClient browser = WebClient.signedIn(base, admin.email(), PASSWORD);

    Document page = browser.get("app/settings/privacy.xhtml");
    assertThat(page.getElementById("current").text()).contains("180 days (the default)");

    Document refused = browser.submit(page, "period", Map.of("days", "10"), "save");
    assertThat(refused.text()).contains("between 30 and 730 days");
    Document notANumber = browser.submit(page, "period", Map.of("days", "six months"), "save");
    assertThat(notANumber.text()).contains("Enter a whole number of days.");
    Document huge = browser.submit(page, "period", Map.of("days", "99999999999"), "save");
    assertThat(huge.text()).doesNotContain("Messages are now kept");
    assertThat(
            count(
                "select count(*) from retention_setting where tenant_id = ?"
                    + " and retention_days is not null",
                owner.tenantId()))
        .as("no period saved (the row may hold only the public page's token)")
        .isZero();

    Document saved =
        browser.submit(
            browser.get("app/settings/privacy.xhtml"), "period", Map.of("days", "90"), "save");
    assertThat(saved.text()).contains("Messages are now kept 90 days.");
    assertThat(
            value(
                "select retention_days from retention_setting where tenant_id = ?",
                owner.tenantId()))
        .isEqualTo(90);

    Document holdRefused = browser.submit(saved, "hold", Map.of("reason", " "), "on");
    assertThat(holdRefused.text()).contains("Say why");
    Document held = browser.submit(saved, "hold", Map.of("reason", "tax audit 2026"), "on");
    assertThat(held.getElementById("hold-state").text())
        .contains("Legal hold is ON")
        .contains("tax audit 2026");
    assertThat(TestAccounts.auditActions(owner.tenantId()))
        .contains("RETENTION_PERIOD_SET", "LEGAL_HOLD_ON");

    WebClient agentBrowser = WebClient.signedIn(base, agent.email(), PASSWORD);
    agentBrowser.get("app/settings/privacy.xhtml");
    assertThat(agentBrowser.lastResponse().statusCode()).isEqualTo(403);
  }

  @Test
  void aContactsDataIsExportedCorrectedOptedOutAndErasedButAnotherTenantsContactIsNotFound() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Subject", run);
    User stranger = TestAccounts.owner("Stranger", run);
    long contact =
        TestAccounts.contact(
            owner.tenantId(),
            "4915111" + run.substring(0, 5).replaceAll("\\D", "1"),
            "Ana Subject");
    long foreign =
        TestAccounts.contact(
            stranger.tenantId(),
            "4915122" + run.substring(0, 5).replaceAll("\\D", "2"),
            "Foreign Person");
    WebClient browser = WebClient.signedIn(base, owner.email(), PASSWORD);

    Document contacts = browser.get("app/contacts.xhtml");
    assertThat(contacts.select("a[href*=contact-privacy]").attr("href")).contains("id=" + contact);

    browser.get("app/settings/contact-privacy.xhtml?id=" + foreign);
    assertThat(browser.lastResponse().statusCode()).as("another tenant's contact").isEqualTo(404);
    browser.get("app/settings/contact-privacy.xhtml?id=abc");
    assertThat(browser.lastResponse().statusCode()).isEqualTo(404);

    Document page = browser.get("app/settings/contact-privacy.xhtml?id=" + contact);
    assertThat(page.text()).contains("Privacy of Ana Subject");

    browser.submit(page, "export", Map.of(), "download");
    assertThat(browser.lastResponse().statusCode()).isEqualTo(200);
    assertThat(browser.lastResponse().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/zip");
    assertThat(browser.lastResponse().headers().firstValue("Content-Disposition").orElse(""))
        .contains("contact-" + contact + "-export.zip");
    assertThat(browser.lastResponse().body()).startsWith("PK");

    page = browser.get("app/settings/contact-privacy.xhtml?id=" + contact);
    Document bad = browser.submit(page, "correct", Map.of("email", "no email"), "save");
    assertThat(bad.text()).contains("That is not an email address.");
    assertThat(value("select email from contact where id = ?", contact)).isNull();
    Document good =
        browser.submit(
            page, "correct", Map.of("name", "Ana Corrected", "email", "ana@example.org"), "save");
    assertThat(good.text()).contains("Contact data corrected.");
    assertThat(value("select display_name from contact where id = ?", contact))
        .isEqualTo("Ana Corrected");

    Document optedOut = browser.submit(good, "automation", Map.of(), "optout");
    assertThat(optedOut.text()).contains("leave this contact alone");
    assertThat(value("select automation_opt_out from contact where id = ?", contact))
        .isEqualTo(true);

    Document notConfirmed = browser.submit(optedOut, "erase", Map.of("confirm", "erase?"), "erase");
    assertThat(notConfirmed.text()).contains("Type ERASE to confirm. Nothing was erased.");
    assertThat(count("select count(*) from contact where id = ?", contact)).isOne();
    Document erased = browser.submit(optedOut, "erase", Map.of("confirm", "ERASE"), "erase");
    assertThat(erased.text()).contains("The contact was erased");
    assertThat(count("select count(*) from contact where id = ?", contact)).isZero();
    assertThat(count("select count(*) from contact where id = ?", foreign)).isOne();
    assertThat(
            count(
                "select count(*) from data_subject_request where tenant_id = ? and contact_id = ?"
                    + " and outcome = 'DONE' and actor_email = ?",
                owner.tenantId(),
                contact,
                owner.email()))
        .isEqualTo(4);
  }

  @Test
  void theOwnerDeletesTheAccountNobodySignsInAndTheOwnerCancelsOnThePublicPage() throws Exception {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Leaving", run);
    User admin =
        TestAccounts.user(owner.tenantId(), "admin-leaving-" + run + "@example.com", "ADMIN");
    String tenantName = (String) value("select name from tenant where id = ?", owner.tenantId());
    TestAccounts.contact(
        owner.tenantId(),
        "4915133" + run.substring(0, 5).replaceAll("\\D", "3"),
        "Secret Customer Name");

    WebClient adminBrowser = WebClient.signedIn(base, admin.email(), PASSWORD);
    adminBrowser.get("app/settings/delete-account.xhtml");
    assertThat(adminBrowser.lastResponse().statusCode()).as("only the owner").isEqualTo(403);

    WebClient browser = WebClient.signedIn(base, owner.email(), PASSWORD);
    Document page = browser.get("app/settings/delete-account.xhtml");
    Document wrongPassword =
        browser.submit(page, "delete", Map.of("password", "not it", "name", tenantName), "confirm");
    assertThat(wrongPassword.text()).contains("The password is not right. Nothing was deleted.");
    Document wrongName =
        browser.submit(
            page, "delete", Map.of("password", PASSWORD, "name", "something else"), "confirm");
    assertThat(wrongName.text()).contains("Type the account name exactly");
    assertThat(value("select status from tenant where id = ?", owner.tenantId()))
        .isEqualTo("ACTIVE");

    Document done =
        browser.submit(page, "delete", Map.of("password", PASSWORD, "name", tenantName), "confirm");
    assertThat(done.location()).contains("cancel-deletion.xhtml");
    assertThat(done.getElementById("requested").text()).contains("scheduled for deletion");
    assertThat(value("select status from tenant where id = ?", owner.tenantId()))
        .isEqualTo("DELETION_PENDING");
    assertThat(fixture.mailbox().awaitSubject(owner.email(), "scheduled for deletion", 20))
        .isNotNull();

    Document adminAfter = adminBrowser.get("app/index.xhtml");
    assertThat(adminAfter.location()).as("the admin's session ended").doesNotContain("/app/");
    Document refusedSignIn =
        browser()
            .submit(
                browser().get("login.xhtml"),
                "login",
                Map.of("email", owner.email(), "password", PASSWORD),
                "submit");
    assertThat(refusedSignIn.location()).doesNotContain("/app/");

    WebClient operator = WebClient.signedIn(base, OPERATOR_EMAIL, OPERATOR_PASSWORD);
    Document ops = operator.get("operator/privacy.xhtml");
    assertThat(operator.lastResponse().statusCode()).isEqualTo(200);
    assertThat(ops.getElementById("deletions").text())
        .contains(Long.toString(owner.tenantId()))
        .contains("Pending");
    assertThat(ops.select("#deletions span[title=PENDING]")).isNotEmpty();
    assertThat(ops.text()).doesNotContain("Secret Customer Name").doesNotContain(owner.email());

    WebClient cancel = browser();
    Document cancelPage = cancel.get("cancel-deletion.xhtml");
    Document refusedCancel =
        cancel.submit(
            cancelPage, "cancel", Map.of("email", admin.email(), "password", PASSWORD), "submit");
    assertThat(refusedCancel.text()).contains("no deletion to cancel");
    Document cancelled =
        cancel.submit(
            cancelPage, "cancel", Map.of("email", owner.email(), "password", PASSWORD), "submit");
    assertThat(cancelled.getElementById("done").text()).contains("The deletion is cancelled");
    assertThat(value("select status from tenant where id = ?", owner.tenantId()))
        .isEqualTo("ACTIVE");
    Document back =
        WebClient.signedIn(base, owner.email(), PASSWORD).get("app/settings/privacy.xhtml");
    assertThat(back.location()).contains("/app/settings/privacy.xhtml");
  }

  @Test
  void onlyOperatorsSeeTheDeletionsPage() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Curious", run);
    WebClient browser = WebClient.signedIn(base, owner.email(), PASSWORD);
    browser.get("operator/privacy.xhtml");
    assertThat(browser.lastResponse().statusCode()).isEqualTo(403);
  }
}
