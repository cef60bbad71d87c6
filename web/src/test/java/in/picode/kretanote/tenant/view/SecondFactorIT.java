package in.picode.kretanote.tenant.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static in.picode.kretanote.testing.TestAccounts.value;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.tenant.control.Totp;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authenticator-app second factor, as a user meets it: set-up with a QR code and a first code,
 * recovery codes shown once, sign-in asking for a code after the password, a code or recovery code
 * that works only once, a business that requires a second factor, and the operator's recovery path.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class SecondFactorIT {

  static final String OPERATOR_EMAIL = "operator@kretanote.test";
  static final String OPERATOR_PASSWORD = "Kreta-IT-only-2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("second-factor", Map.of());
  }

  @ArquillianResource URL base;

  @BeforeEach
  void freshAddress() {
    TestAccounts.clearAddressThrottle();
  }

  WebClient browser() {
    return new WebClient(URI.create(base.toString()));
  }

  Document signIn(WebClient browser, String email, String password) {
    return browser.submit(
        browser.get("login.xhtml"),
        "login",
        Map.of("email", email, "password", password),
        "submit");
  }

  static boolean inDashboard(Document page) {
    return page.location().contains("/app/")
        && page.getElementById("login") == null
        && page.getElementById("code") == null;
  }

  /** Sets up the factor on the page; answers the secret and the recovery codes shown. */
  record Enrolled(byte[] secret, List<String> recoveryCodes) {}

  Enrolled enrol(WebClient owner) {
    Document page = owner.get("app/account-security.xhtml");
    assertThat(page.getElementById("security:status-off")).isNotNull();
    Document offer = owner.submit(page, "security", Map.of(), "start");
    assertThat(offer.select(".qr svg path"))
        .as("QR code drawn inline: %s", offer.html())
        .hasSize(1);
    byte[] secret = Totp.fromBase32(offer.getElementById("secret").text());
    assertThat(secret).hasSize(Totp.SECRET_BYTES);

    Document wrong = owner.submit(offer, "security", Map.of("code", other(secret)), "confirm");
    assertThat(wrong.text()).contains("That code does not match");
    assertThat(wrong.getElementById("secret")).as("still setting up").isNotNull();

    Document done = owner.submit(wrong, "security", Map.of("code", now(secret, 0)), "confirm");
    assertThat(done.text()).contains("Second factor is on");
    List<String> codes = done.select(".recovery-codes code").eachText();
    assertThat(codes).hasSize(10);
    assertThat(done.getElementById("security:status")).isNotNull();
    assertThat(owner.get("app/account-security.xhtml").select(".recovery-codes code"))
        .as("recovery codes are shown once")
        .isEmpty();
    return new Enrolled(secret, codes);
  }

  static String now(byte[] secret, int stepsAhead) {
    return Totp.code(secret, Totp.step(Instant.now()) + stepsAhead, Totp.DIGITS);
  }

  /** A six-digit code that is none of the accepted ones right now. */
  static String other(byte[] secret) {
    long step = Totp.step(Instant.now());
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      boolean valid = false;
      for (long s = step - 2; s <= step + 2; s++) {
        valid |= code.equals(Totp.code(secret, s, Totp.DIGITS));
      }
      if (!valid) {
        return code;
      }
    }
  }

  @Test
  void signInAsksForTheCodeAfterThePasswordAndEachCodeWorksOnce() {
    User owner = TestAccounts.owner("Totp", TestAccounts.run());
    Enrolled enrolled = enrol(WebClient.signedIn(base, owner));
    Object stored = value("select secret from second_factor where user_id = ?", owner.id());
    assertThat((byte[]) stored)
        .as("the secret is stored encrypted, not as it is")
        .isNotEqualTo(enrolled.secret())
        .hasSizeGreaterThan(enrolled.secret().length);

    WebClient browser = browser();
    Document asked = signIn(browser, owner.email(), PASSWORD);
    assertThat(asked.getElementById("code")).as("second step shown").isNotNull();
    Document notYet = browser.get("app/contacts.xhtml");
    assertThat(notYet.select("nav a, h1").eachText())
        .as("the password alone does not open the dashboard")
        .doesNotContain("Contacts", "Inbox");

    Document refused =
        browser.submit(
            browser.get("login.xhtml"), "code", Map.of("otp", other(enrolled.secret())), "verify");
    assertThat(refused.text()).contains("That code is not valid");
    assertThat(inDashboard(refused)).isFalse();

    String code = now(enrolled.secret(), 1);
    Document in = browser.submit(refused, "code", Map.of("otp", code), "verify");
    assertThat(inDashboard(in)).as("password and a fresh code sign in").isTrue();

    WebClient replay = browser();
    signIn(replay, owner.email(), PASSWORD);
    Document replayed =
        replay.submit(replay.get("login.xhtml"), "code", Map.of("otp", code), "verify");
    assertThat(inDashboard(replayed)).as("a used code does not work again").isFalse();

    String recovery = enrolled.recoveryCodes().get(0);
    Document recovered = replay.submit(replayed, "code", Map.of("otp", recovery), "verify");
    assertThat(inDashboard(recovered)).as("a recovery code signs in").isTrue();

    WebClient again = browser();
    signIn(again, owner.email(), PASSWORD);
    assertThat(
            inDashboard(
                again.submit(again.get("login.xhtml"), "code", Map.of("otp", recovery), "verify")))
        .as("a recovery code works once")
        .isFalse();
    assertThat(TestAccounts.auditActions(owner.tenantId()))
        .contains(
            "SECOND_FACTOR_ENABLED",
            "SIGN_IN_CODE_ASKED",
            "SIGN_IN_CODE_REFUSED",
            "RECOVERY_CODE_USED");
  }

  @Test
  void wrongCodesMakeEvenTheRightCodeWaitSoThePasswordDoesNotOpenEndlessGuessing()
      throws Exception {
    User owner = TestAccounts.owner("Guess", TestAccounts.run());
    Enrolled enrolled = enrol(WebClient.signedIn(base, owner));
    WebClient attacker = browser();
    signIn(attacker, owner.email(), PASSWORD);
    Document page = attacker.get("login.xhtml");
    for (int i = 0; i < 5 && page.getElementById("code") != null; i++) {
      page = attacker.submit(page, "code", Map.of("otp", other(enrolled.secret())), "verify");
    }
    assertThat(
            TestAccounts.count(
                "select failed_codes from second_factor where user_id = ?", owner.id()))
        .isEqualTo(5);

    WebClient owners = browser();
    Document asked = signIn(owners, owner.email(), PASSWORD);
    assertThat(asked.getElementById("code")).as("the password is still right").isNotNull();
    String right = now(enrolled.secret(), 1);
    Document waiting = owners.submit(asked, "code", Map.of("otp", right), "verify");
    assertThat(inDashboard(waiting))
        .as("within the wait (4 s in the ITs) even the right code is refused unchecked")
        .isFalse();
    assertThat(waiting.text()).contains("too many wrong codes");

    Thread.sleep(4_500);
    Document in = owners.submit(owners.get("login.xhtml"), "code", Map.of("otp", right), "verify");
    assertThat(inDashboard(in)).as("after the wait the right code signs in").isTrue();
    assertThat(
            TestAccounts.count(
                "select failed_codes from second_factor where user_id = ?", owner.id()))
        .isZero();
  }

  @Test
  void aBusinessThatRequiresASecondFactorKeepsMembersOnTheSetUpPageUntilTheyHaveOne() {
    User owner = TestAccounts.owner("Require", TestAccounts.run());
    User agent = TestAccounts.user(owner.tenantId(), "agent-" + owner.email(), "AGENT");
    WebClient ownerBrowser = WebClient.signedIn(base, owner);

    Document page = ownerBrowser.get("app/account-security.xhtml");
    Document refused =
        ownerBrowser.submit(page, "business", Map.of("required_input", "on"), "save-requirement");
    assertThat(refused.text()).contains("Set up your own second factor before requiring one");

    enrol(ownerBrowser);
    Document saved =
        ownerBrowser.submit(
            ownerBrowser.get("app/account-security.xhtml"),
            "business",
            Map.of("required_input", "on"),
            "save-requirement");
    assertThat(saved.text()).contains("Everyone in the business now needs a second factor");

    WebClient agentBrowser = WebClient.signedIn(base, agent);
    Document kept = agentBrowser.get("app/contacts.xhtml");
    assertThat(kept.location()).contains("account-security.xhtml");
    assertThat(kept.getElementById("must-enrol")).isNotNull();

    Enrolled agentFactor = enrol(agentBrowser);
    assertThat(agentBrowser.get("app/contacts.xhtml").location())
        .as("free to work once set up")
        .contains("contacts.xhtml");
    assertThat(agentFactor.recoveryCodes()).hasSize(10);
    assertThat(TestAccounts.auditActions(owner.tenantId())).contains("SECOND_FACTOR_REQUIRED");
  }

  @Test
  void theOperatorRemovesALostSecondFactorAndTheBusinessAuditLogSaysWhoAndWhy() {
    User owner = TestAccounts.owner("Lost", TestAccounts.run());
    enrol(WebClient.signedIn(base, owner));

    WebClient operator = browser();
    assertThat(signIn(operator, OPERATOR_EMAIL, OPERATOR_PASSWORD).location())
        .contains("/operator/");
    Document index = operator.get("operator/index.xhtml");
    Document noReason =
        operator.submit(
            index, "reset", Map.of("email", owner.email(), "reason", ""), "reset-second-factor");
    assertThat(noReason.text()).contains("Say how the person's identity was checked");
    Document done =
        operator.submit(
            noReason,
            "reset",
            Map.of("email", owner.email(), "reason", "called the owner back on file"),
            "reset-second-factor");
    assertThat(done.text()).contains("is removed");

    Document in = signIn(browser(), owner.email(), PASSWORD);
    assertThat(inDashboard(in)).as("password alone again").isTrue();
    assertThat(
            TestAccounts.strings(
                "select concat(action, ' ', actor_email, ' ', detail) from audit_event"
                    + " where tenant_id = ? and action = 'SECOND_FACTOR_RESET_BY_OPERATOR'",
                owner.tenantId()))
        .singleElement()
        .asString()
        .contains(OPERATOR_EMAIL)
        .contains("called the owner back on file");
    Element off = browser().get("login.xhtml").getElementById("code");
    assertThat(off).isNull();
  }

  @Test
  void aPlatformOperatorSetsUpAnAppAndMustThenPassItAtSignIn() {
    String run = TestAccounts.run();
    String email = "operator-" + run + "@kretanote.test";
    TestAccounts.update(
        "insert into user_account (tenant_id, email, display_name, password_hash, role, status,"
            + " email_verified_at) values (NULL, ?, 'Platform operator', ?, 'OPERATOR', 'ACTIVE',"
            + " now(6))",
        email,
        TestAccounts.passwordHash());
    long id = TestAccounts.count("select id from user_account where email = ?", email);

    WebClient operator = browser();
    assertThat(signIn(operator, email, PASSWORD).location()).contains("/operator/");
    Document page = operator.get("operator/security.xhtml");
    assertThat(page.getElementById("security:status-off")).isNotNull();
    assertThat(page.getElementById("passkeys")).as("passkeys are for members").isNull();
    Document offer = operator.submit(page, "security", Map.of(), "start");
    byte[] secret = Totp.fromBase32(offer.getElementById("secret").text());
    Document done = operator.submit(offer, "security", Map.of("code", now(secret, 0)), "confirm");
    assertThat(done.text()).contains("Second factor is on");
    assertThat(done.select(".recovery-codes code")).hasSize(10);

    byte[] stored = (byte[]) value("select secret from second_factor where user_id = ?", id);
    assertThat(stored[0]).as("sealed with the platform key").isEqualTo((byte) 'P');
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(value("select tenant_id from second_factor where user_id = ?", id)).isNull();

    WebClient later = browser();
    Document asked = signIn(later, email, PASSWORD);
    assertThat(asked.getElementById("code")).as("the code is asked after the password").isNotNull();
    Document notYet = later.get("operator/index.xhtml");
    assertThat(notYet.getElementById("tenants")).as("password alone: no operations").isNull();
    Document wrong =
        later.submit(later.get("login.xhtml"), "code", Map.of("otp", other(secret)), "verify");
    assertThat(wrong.text()).contains("That code is not valid");
    Document in = later.submit(wrong, "code", Map.of("otp", now(secret, 1)), "verify");
    assertThat(in.location()).contains("/operator/");
    assertThat(later.get("operator/index.xhtml").getElementById("tenants")).isNotNull();
  }
}
