package in.picode.kretanote.tenant.view;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings → Team and Audit log, as an owner, an admin and an invited agent use them over HTTP:
 * invitations through the real mail, joining, role changes, disabling, the audit trail, and what a
 * user of one business reaches with another business's ids (nothing).
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class TeamIT {

  static final String NEW_PASSWORD = "my own team passphrase";
  static final String INVALID_INVITATION = "This invitation is not valid any more";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("team", Map.of());
  }

  @RegisterExtension static final AccountPagesFixture fixture = new AccountPagesFixture();

  @ArquillianResource URL base;

  WebClient browser() {
    return new WebClient(URI.create(base.toString()));
  }

  static Document invite(WebClient owner, String email, String role) {
    return owner.submit(
        owner.get("app/settings/team.xhtml"),
        "invite",
        Map.of("email", email, "role_input", role),
        "send");
  }

  static Document member(
      WebClient browser, long userId, Map<String, String> fields, String button) {
    return browser.submit(
        browser.get("app/settings/member.xhtml?id=" + userId), "member", fields, button);
  }

  static String userState(String email) {
    return (String)
        value(
            "select concat(role, ' ', status, ' ', tenant_id, ' ', email_verified_at is not null)"
                + " from user_account where email = ?",
            email);
  }

  @Test
  void anInvitedAgentJoinsIsPromotedThenDisabledAndEveryStepIsAudited() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Team", run);
    WebClient ownerBrowser = WebClient.signedIn(base, owner.email(), PASSWORD);
    String agentEmail = "agent-" + run + "@example.com";

    Document sent = invite(ownerBrowser, agentEmail.toUpperCase(), "AGENT");
    assertThat(sent.text()).contains("Invitation sent to " + agentEmail);
    assertThat(sent.getElementById("pending:invitations").text()).contains(agentEmail);

    String token = fixture.mailbox().linkToken(agentEmail, "join.xhtml");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    WebClient agentBrowser = browser();
    Document join = agentBrowser.get("join.xhtml?token=" + token);
    assertThat(join.text()).contains("Join Team " + run).contains("Agent").contains(agentEmail);
    Document noName =
        agentBrowser.submit(
            join,
            "join",
            Map.of("name", " ", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD),
            "submit");
    assertThat(noName.text()).contains("Enter your name.");
    Document weak =
        agentBrowser.submit(
            noName,
            "join",
            Map.of("name", "Agnes", "password", "short", "confirm", "short"),
            "submit");
    assertThat(weak.text()).contains("at least 12 characters");
    assertThat(count("select count(*) from user_account where email = ?", agentEmail)).isZero();
    Document joined =
        agentBrowser.submit(
            weak,
            "join",
            Map.of("name", "Agnes Agent", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD),
            "submit");
    assertThat(joined.text()).contains("Welcome to Team " + run);

    assertThat(userState(agentEmail)).isEqualTo("AGENT ACTIVE " + owner.tenantId() + " 1");
    long agentId = count("select id from user_account where email = ?", agentEmail);
    assertThat(count("select accepted_user_id from invitation where email = ?", agentEmail))
        .isEqualTo(agentId);
    assertThat(browser().get("join.xhtml?token=" + token).text())
        .as("an invitation works once")
        .contains(INVALID_INVITATION);

    agentBrowser = WebClient.signedIn(base, agentEmail, NEW_PASSWORD);
    agentBrowser.get("app/settings/team.xhtml");
    assertThat(agentBrowser.lastResponse().statusCode()).isEqualTo(403);

    Document promoted = member(ownerBrowser, agentId, Map.of("role_input", "ADMIN"), "save");
    assertThat(promoted.text()).contains("Role saved.");
    assertThat(userState(agentEmail)).startsWith("ADMIN ACTIVE");
    Document ended = agentBrowser.get("app/");
    assertThat(ended.location()).as("old session ends with the old role").contains("login.xhtml");
    assertThat(ended.text()).contains("You were signed out because your account changed");

    WebClient adminBrowser = WebClient.signedIn(base, agentEmail, NEW_PASSWORD);
    adminBrowser.get("app/settings/team.xhtml");
    assertThat(adminBrowser.lastResponse().statusCode()).isEqualTo(200);
    assertThat(member(adminBrowser, agentId, Map.of("role_input", "OWNER"), "save").text())
        .contains("Only an owner can make someone an owner");
    assertThat(member(adminBrowser, owner.id(), Map.of(), "disable").text())
        .contains("Only an owner can disable an owner");
    assertThat(userState(agentEmail)).startsWith("ADMIN ACTIVE");
    assertThat(userState(owner.email())).startsWith("OWNER ACTIVE");

    assertThat(member(ownerBrowser, agentId, Map.of(), "disable").text()).contains("Disabled:");
    assertThat(userState(agentEmail)).startsWith("ADMIN DISABLED");
    assertThat(adminBrowser.get("app/contacts.xhtml").location()).contains("login.xhtml");
    WebClient disabled = browser();
    Document refused =
        disabled.submit(
            disabled.get("login.xhtml"),
            "login",
            Map.of("email", agentEmail, "password", NEW_PASSWORD),
            "submit");
    assertThat(refused.text()).contains("Email or password is incorrect");
    assertThat(member(ownerBrowser, agentId, Map.of(), "enable").text()).contains("Enabled:");
    assertThat(userState(agentEmail)).startsWith("ADMIN ACTIVE");

    Document audit = ownerBrowser.get("app/settings/audit.xhtml");
    String log = audit.getElementById("entries").text();
    assertThat(log)
        .contains("INVITATION_SENT", "INVITATION_ACCEPTED", "ROLE_CHANGED", "USER_DISABLED")
        .contains("USER_ENABLED", "SIGN_IN", "SIGN_IN_FAILED")
        .contains(agentEmail + ": AGENT → ADMIN", owner.email(), agentEmail + " as AGENT");
    assertThat(TestAccounts.auditActions(owner.tenantId()))
        .containsSubsequence(
            "INVITATION_SENT",
            "INVITATION_ACCEPTED",
            "ROLE_CHANGED",
            "USER_DISABLED",
            "USER_ENABLED");
  }

  @Test
  void invitationsThatCannotBeUsedSayWhyAndCreateNothing() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Invites", run);
    User elsewhere = TestAccounts.owner("Elsewhere", run);
    WebClient ownerBrowser = WebClient.signedIn(base, owner.email(), PASSWORD);

    assertThat(invite(ownerBrowser, "", "AGENT").text()).contains("Enter the email address");
    assertThat(invite(ownerBrowser, "not-an-email", "AGENT").text())
        .contains("Enter a valid email address");
    assertThat(invite(ownerBrowser, "x".repeat(250) + "@example.com", "AGENT").text())
        .contains("at most 254 characters");
    assertThat(count("select count(*) from invitation where tenant_id = ?", owner.tenantId()))
        .isZero();

    String revoked = "revoked-" + run + "@example.com";
    invite(ownerBrowser, revoked, "AGENT");
    String revokedToken = fixture.mailbox().linkToken(revoked, "join.xhtml");
    Document team = ownerBrowser.get("app/settings/team.xhtml");
    Element row =
        team.select("[id=pending:invitations_data] > tr").stream()
            .filter(tr -> tr.text().contains(revoked))
            .findFirst()
            .orElseThrow();
    String button = row.selectFirst("button").attr("name").substring("pending:".length());
    assertThat(ownerBrowser.submit(team, "pending", Map.of(), button).text())
        .contains("Invitation revoked");
    assertThat(browser().get("join.xhtml?token=" + revokedToken).text())
        .contains(INVALID_INVITATION);

    String expired = "expired-" + run + "@example.com";
    invite(ownerBrowser, expired, "AGENT");
    String expiredToken = fixture.mailbox().linkToken(expired, "join.xhtml");
    TestAccounts.update(
        "update invitation set created_at = timestampadd(SECOND, -10, utc_timestamp(6)),"
            + " expires_at = timestampadd(SECOND, -1, utc_timestamp(6)) where email = ?",
        expired);
    assertThat(browser().get("join.xhtml?token=" + expiredToken).text())
        .contains(INVALID_INVITATION);
    assertThat(
            ownerBrowser
                .get("app/settings/team.xhtml")
                .getElementById("pending:invitations")
                .text())
        .doesNotContain(expired)
        .doesNotContain(revoked);

    String twice = "twice-" + run + "@example.com";
    invite(ownerBrowser, twice, "AGENT");
    invite(ownerBrowser, twice, "ADMIN");
    List<String> tokens = fixture.mailbox().linkTokens(twice, "join.xhtml", 2);
    assertThat(browser().get("join.xhtml?token=" + tokens.get(0)).text())
        .as("sending again replaces the first link")
        .contains(INVALID_INVITATION);
    assertThat(browser().get("join.xhtml?token=" + tokens.get(1)).text()).contains("Admin");

    for (String bad : new String[] {"", "garbled", "A".repeat(43), tokens.get(1) + "x"}) {
      assertThat(browser().get("join.xhtml?token=" + bad).text())
          .as("token '%s'", bad)
          .contains(INVALID_INVITATION);
    }

    String taken = "taken-" + run + "@example.com";
    invite(ownerBrowser, taken, "AGENT");
    String takenToken = fixture.mailbox().linkToken(taken, "join.xhtml");
    TestAccounts.user(elsewhere.tenantId(), taken, "AGENT");
    WebClient invitee = browser();
    Document refused =
        invitee.submit(
            invitee.get("join.xhtml?token=" + takenToken),
            "join",
            Map.of("name", "Late Comer", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD),
            "submit");
    assertThat(refused.text()).contains("already has a KretaNote account");
    assertThat(count("select count(*) from user_account where email = ?", taken)).isEqualTo(1);
    assertThat(value("select accepted_at from invitation where email = ?", taken)).isNull();
  }

  @Test
  void finding07_invitingAnAddressWithAnAccountAnswersLikeAnyOtherAndMailsItsOwner() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Alike", run);
    User elsewhere = TestAccounts.owner("Elsewhere", run);
    WebClient ownerBrowser = WebClient.signedIn(base, owner.email(), PASSWORD);
    String fresh = "fresh-" + run + "@example.com";

    String unknown = notice(invite(ownerBrowser, fresh, "ADMIN")).replace(fresh, "<email>");
    String known =
        notice(invite(ownerBrowser, elsewhere.email(), "ADMIN"))
            .replace(elsewhere.email(), "<email>");

    assertThat(known).as("another business's address").isEqualTo(unknown).contains("sent");
    assertThat(fixture.mailbox().awaitSubject(elsewhere.email(), "cannot accept", 15)).isNotNull();
    assertThat(fixture.mailbox().count(elsewhere.email(), "You are invited"))
        .as("no join link goes to an address that has an account")
        .isZero();
    assertThat(fixture.mailbox().linkToken(fresh, "join.xhtml")).isNotBlank();
    assertThat(
            ownerBrowser
                .get("app/settings/team.xhtml")
                .getElementById("pending:invitations")
                .text())
        .contains(fresh, elsewhere.email());
  }

  private static String notice(Document page) {
    return page.select(".ui-messages-info, .ui-messages-error, .ui-message-error").text();
  }

  @Test
  void anotherBusinesssIdsReachNothing() {
    String run = TestAccounts.run();
    User ownerA = TestAccounts.owner("Alpha", run);
    User agentA = TestAccounts.user(ownerA.tenantId(), "agent-a-" + run + "@example.com", "AGENT");
    User ownerB = TestAccounts.owner("Beta", run);
    User agentB = TestAccounts.user(ownerB.tenantId(), "agent-b-" + run + "@example.com", "AGENT");
    String secret = "only-for-beta-" + run;
    long betaEvent = TestAccounts.auditEvent(ownerB.tenantId(), 0, "TEST", secret);
    TestAccounts.update(
        "insert into invitation (tenant_id, email, role, token_hash, invited_by, expires_at)"
            + " values (?, ?, 'AGENT', unhex(sha2(?, 256)), ?,"
            + " timestampadd(DAY, 1, utc_timestamp(6)))",
        ownerB.tenantId(),
        "invitee-b-" + run + "@example.com",
        secret,
        ownerB.id());

    WebClient browser = WebClient.signedIn(base, ownerA.email(), PASSWORD);
    for (String id : new String[] {Long.toString(agentB.id()), "abc", "-1", "", "99999999999"}) {
      Document page = browser.get("app/settings/member.xhtml?id=" + id);
      assertThat(browser.lastResponse().statusCode()).as("member id '%s'", id).isEqualTo(404);
      assertThat(page.text()).doesNotContain(agentB.email());
    }

    Map<String, String> tampered = Map.of("id", Long.toString(agentB.id()));
    Document page = browser.get("app/settings/member.xhtml?id=" + agentA.id());
    Document roleRefused =
        browser.submit(page, "member", Map.of("role_input", "ADMIN"), "save", tampered);
    assertThat(roleRefused.text()).contains("This person is not a member of your team");
    page = browser.get("app/settings/member.xhtml?id=" + agentA.id());
    Document disableRefused = browser.submit(page, "member", Map.of(), "disable", tampered);
    assertThat(disableRefused.text()).contains("This person is not a member of your team");
    assertThat(userState(agentB.email())).isEqualTo("AGENT ACTIVE " + ownerB.tenantId() + " 1");
    assertThat(userState(agentA.email())).isEqualTo("AGENT ACTIVE " + ownerA.tenantId() + " 1");

    String team = browser.get("app/settings/team.xhtml").text();
    assertThat(team).contains(agentA.email()).doesNotContain(agentB.email());
    assertThat(team).doesNotContain(ownerB.email()).doesNotContain("invitee-b-" + run);

    Document older = browser.get("app/settings/audit.xhtml?before=" + betaEvent);
    assertThat(browser.lastResponse().statusCode()).isEqualTo(200);
    assertThat(older.getElementById("entries").text()).contains("No entries.");
    assertThat(browser.get("app/settings/audit.xhtml").text()).doesNotContain(secret);
    browser.get("app/settings/audit.xhtml?before=x'--");
    assertThat(browser.lastResponse().statusCode()).isEqualTo(404);

    Document self = member(browser, ownerA.id(), Map.of("role_input", "ADMIN"), "save");
    assertThat(self.text()).contains("needs at least one active owner");
    assertThat(self.getElementById("member:disable")).as("nobody disables themselves").isNull();
    assertThat(userState(ownerA.email())).startsWith("OWNER ACTIVE");
  }

  @Test
  void theAuditLogShowsTheNewest200AndPagesOnByKeyset() {
    String run = TestAccounts.run();
    User owner = TestAccounts.owner("Audit", run);
    for (int i = 0; i < 210; i++) {
      TestAccounts.auditEvent(owner.tenantId(), 1_000L * (i + 1), "TEST", "entry " + i);
    }
    WebClient browser = WebClient.signedIn(base, owner.email(), PASSWORD);

    Document first = browser.get("app/settings/audit.xhtml");
    List<Element> rows = first.select("[id=entries_data] > tr");
    assertThat(rows).hasSize(200);
    assertThat(rows.get(0).text()).contains("SIGN_IN").contains(owner.email());
    assertThat(rows.get(1).text()).contains("entry 0").contains("192.0.2.1");
    Element olderLink = first.getElementById("older");
    assertThat(olderLink).isNotNull();

    Document second = browser.get(olderLink.attr("href").replaceFirst("^.*/app/", "app/"));
    List<Element> rest = second.select("[id=entries_data] > tr");
    assertThat(rest).hasSize(11);
    assertThat(rest.get(0).text()).contains("entry 199");
    assertThat(rest.get(10).text()).contains("entry 209");
    assertThat(second.getElementById("older")).isNull();
    assertThat(second.getElementById("newest")).isNotNull();

    Set<String> seen = new HashSet<>();
    for (Element row : rows) {
      seen.add(row.text());
    }
    for (Element row : rest) {
      assertThat(seen.add(row.text())).as("no entry on both pages").isTrue();
    }
  }
}
