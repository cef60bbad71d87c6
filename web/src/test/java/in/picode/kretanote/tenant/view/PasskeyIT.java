package in.picode.kretanote.tenant.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.tenant.control.PasskeyVerifier.Assertion;
import in.picode.kretanote.tenant.control.SoftAuthenticator;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passkeys over HTTP, with a software authenticator playing the browser's part: register one on the
 * sign-in security page, sign in with password and passkey; an answer to a used challenge, an
 * answer for another origin, and another user's (another business's) passkey are refused, and so is
 * a cloned authenticator whose counter went back.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class PasskeyIT {

  private static final Pattern CHALLENGE = Pattern.compile("\"challenge\":\"([A-Za-z0-9_-]+)\"");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("passkey", Map.of());
  }

  @ArquillianResource URL base;

  @BeforeEach
  void freshAddress() {
    TestAccounts.clearAddressThrottle();
  }

  String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  String rpId() {
    return base.getHost();
  }

  static byte[] challenge(Document page) {
    String options = page.getElementById("passkey-options").attr("data-options");
    Matcher m = CHALLENGE.matcher(options);
    assertThat(m.find()).as("options carry a challenge: %s", options).isTrue();
    return Base64.getUrlDecoder().decode(m.group(1));
  }

  static boolean inDashboard(Document page) {
    return page.location().contains("/app/")
        && page.getElementById("login") == null
        && page.getElementById("passkey") == null
        && page.getElementById("code") == null;
  }

  Document register(WebClient browser, SoftAuthenticator key, String name) {
    Document page = browser.get("app/account-security.xhtml");
    SoftAuthenticator.Attestation att = key.register(challenge(page), origin(), rpId());
    return browser.submit(
        page,
        "passkeys",
        Map.of(
            "passkey-name", name,
            "client-data", SoftAuthenticator.b64(att.clientDataJson()),
            "attestation", SoftAuthenticator.b64(att.attestationObject())),
        "register-passkey");
  }

  Document passwordStep(WebClient browser, User user) {
    Document asked =
        browser.submit(
            browser.get("login.xhtml"),
            "login",
            Map.of("email", user.email(), "password", PASSWORD),
            "submit");
    assertThat(asked.getElementById("passkey")).as("passkey step shown").isNotNull();
    assertThat(asked.getElementById("code"))
        .as("no authenticator app set up: no code field")
        .isNull();
    return asked;
  }

  static Map<String, String> fields(Assertion a) {
    Map<String, String> f = new HashMap<>();
    f.put("credential-id", SoftAuthenticator.b64(a.credentialId()));
    f.put("authenticator-data", SoftAuthenticator.b64(a.authenticatorData()));
    f.put("client-data", SoftAuthenticator.b64(a.clientDataJson()));
    f.put("signature", SoftAuthenticator.b64(a.signature()));
    return f;
  }

  Document answer(WebClient browser, Document page, Assertion a) {
    return browser.submit(page, "passkey", fields(a), "passkey-submit");
  }

  @Test
  void aRegisteredPasskeyIsListedAndSignsInAfterThePassword() {
    User owner = TestAccounts.owner("Passkey", TestAccounts.run());
    SoftAuthenticator key = new SoftAuthenticator();
    Document added = register(WebClient.signedIn(base, owner), key, "Work laptop");
    assertThat(added.text()).contains("Passkey added");
    assertThat(added.select(".passkey-list .passkey-name").eachText())
        .containsExactly("Work laptop");
    assertThat(added.select(".passkey-list").text()).contains("UTC").contains("never");

    WebClient browser = new WebClient(URI.create(base.toString()));
    Document asked = passwordStep(browser, owner);
    assertThat(browser.get("app/contacts.xhtml").select("nav a, h1").eachText())
        .as("the password alone does not open the dashboard")
        .doesNotContain("Contacts", "Inbox");
    asked = browser.get("login.xhtml");
    Document in = answer(browser, asked, key.sign(challenge(asked), origin(), rpId()));
    assertThat(inDashboard(in)).as("password and passkey sign in: %s", in.text()).isTrue();
    assertThat(TestAccounts.count("select sign_count from passkey where user_id = ?", owner.id()))
        .isEqualTo(1);
    Document listed = browser.get("app/account-security.xhtml");
    assertThat(listed.select(".passkey-list").text()).doesNotContain("never");
    assertThat(TestAccounts.auditActions(owner.tenantId()))
        .contains("PASSKEY_ADDED", "SIGN_IN_CODE_ASKED", "SIGN_IN_PASSKEY_USED");

    Document removed =
        browser.submit(listed, "passkeys", Map.of(), "passkey-list:0:remove-passkey");
    assertThat(removed.text()).contains("Passkey removed");
    assertThat(removed.getElementById("passkeys:no-passkeys")).isNotNull();
    WebClient later = new WebClient(URI.create(base.toString()));
    Document after =
        later.submit(
            later.get("login.xhtml"),
            "login",
            Map.of("email", owner.email(), "password", PASSWORD),
            "submit");
    assertThat(inDashboard(after)).as("no second factor left: password alone").isTrue();
  }

  @Test
  void aReplayedChallengeAWrongOriginAndAnotherBusinesssPasskeyAreRefused() {
    User owner = TestAccounts.owner("PasskeyA", TestAccounts.run());
    User stranger = TestAccounts.owner("PasskeyB", TestAccounts.run());
    SoftAuthenticator key = new SoftAuthenticator();
    SoftAuthenticator strangersKey = new SoftAuthenticator();
    register(WebClient.signedIn(base, owner), key, "Phone");
    register(WebClient.signedIn(base, stranger), strangersKey, "Stranger's key");
    assertThat(TestAccounts.count("select count(*) from passkey where user_id = ?", stranger.id()))
        .isEqualTo(1);

    // Replay: an answer whose challenge was already used (taken by a first, refused, post).
    WebClient browser = new WebClient(URI.create(base.toString()));
    passwordStep(browser, owner);
    Document page = browser.get("login.xhtml");
    Assertion good = key.sign(challenge(page), origin(), rpId());
    Map<String, String> broken = fields(good);
    broken.put("signature", SoftAuthenticator.b64(new byte[] {1, 2, 3}));
    Document first = browser.submit(page, "passkey", broken, "passkey-submit");
    assertThat(first.text()).contains("The passkey was not accepted");
    Document replayed = answer(browser, first, good);
    assertThat(inDashboard(replayed)).as("an answer to a used challenge is refused").isFalse();

    // Wrong origin: the right key, signed for a page on another origin.
    page = browser.get("login.xhtml");
    Document phished = answer(browser, page, key.sign(challenge(page), "http://evil.test", rpId()));
    assertThat(inDashboard(phished)).as("another origin is refused").isFalse();

    // Another user's passkey, of another business, answering this user's challenge.
    WebClient other = new WebClient(URI.create(base.toString()));
    passwordStep(other, owner);
    page = other.get("login.xhtml");
    Document foreign = answer(other, page, strangersKey.sign(challenge(page), origin(), rpId()));
    assertThat(inDashboard(foreign)).as("another business's passkey is refused").isFalse();
    assertThat(foreign.text()).contains("The passkey was not accepted");

    // A clone: the same key with the counter set back after the real one was used.
    page = other.get("login.xhtml");
    assertThat(inDashboard(answer(other, page, key.sign(challenge(page), origin(), rpId()))))
        .as("the real passkey still works")
        .isTrue();
    key.counter(0);
    WebClient cloneUser = new WebClient(URI.create(base.toString()));
    passwordStep(cloneUser, owner);
    page = cloneUser.get("login.xhtml");
    Document cloned = answer(cloneUser, page, key.sign(challenge(page), origin(), rpId()));
    assertThat(inDashboard(cloned)).as("a lower sign counter is refused").isFalse();
    assertThat(TestAccounts.auditActions(owner.tenantId()))
        .contains("SIGN_IN_PASSKEY_REFUSED", "PASSKEY_CLONE_REFUSED");
  }

  @Test
  void aPasskeyAloneSatisfiesTheBusinesssRequirementAndTheLastOneCannotBeRemovedThen() {
    User owner = TestAccounts.owner("PasskeyReq", TestAccounts.run());
    WebClient browser = WebClient.signedIn(base, owner);
    register(browser, new SoftAuthenticator(), "Security key");
    Document page = browser.get("app/account-security.xhtml");
    Document saved =
        browser.submit(page, "business", Map.of("required_input", "on"), "save-requirement");
    assertThat(saved.text()).contains("Everyone in the business now needs a second factor");
    Document refused = browser.submit(saved, "passkeys", Map.of(), "passkey-list:0:remove-passkey");
    assertThat(refused.text()).contains("requires a second factor");
    assertThat(refused.select(".passkey-list .passkey-name").eachText())
        .containsExactly("Security key");
  }
}
