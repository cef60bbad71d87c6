package in.picode.kretanote.tenant.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.Mailbox;
import in.picode.kretanote.testing.RawHttp;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A business signs up, confirms its email from the received mail, signs in and sees its own
 * dashboard; bad input on the form gives a clear message and creates nothing.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class SignUpAndSignInIT {

  static final String PASSWORD = "correct horse battery";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("app", Map.of());
  }

  static Mailbox mailbox;

  @ArquillianResource URL base;

  @BeforeAll
  static void smtp() {
    mailbox = new Mailbox();
  }

  @AfterAll
  static void stopSmtp() {
    mailbox.close();
  }

  static Map<String, String> form(String company, String email, String password) {
    Map<String, String> f = new HashMap<>();
    f.put("companyName", company);
    f.put("ownerName", "Ana Owner");
    f.put("email", email);
    f.put("password", password);
    f.put("legalName", company + " GmbH");
    f.put("addressLine", "Hauptstraße 1");
    f.put("postalCode", "10115");
    f.put("city", "Berlin");
    f.put("country", "DE");
    f.put("taxId", "");
    return f;
  }

  WebClient client() {
    return new WebClient(URI.create(base.toString()));
  }

  @Test
  void signUpVerifySignIn() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String email = "owner-" + run + "@example.com";
    WebClient browser = client();

    Document done =
        browser.submit(
            browser.get("signup.xhtml"),
            "signup",
            form("Kreta Café " + run, email, PASSWORD),
            "submit");
    assertThat(done.text()).contains("we sent a confirmation link to " + email);

    Document before = browser.submit(browser.get("login.xhtml"), "login", login(email), "submit");
    assertThat(before.text()).contains("Email or password is incorrect");

    String token = mailbox.linkToken(email, "verify.xhtml");
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(confirm(browser, token, PASSWORD).text()).contains("Your email is confirmed");
    assertThat(browser.get("verify.xhtml?token=" + token).text())
        .as("a verification link works once")
        .contains("This link is not valid any more");

    Document home = browser.submit(browser.get("login.xhtml"), "login", login(email), "submit");
    assertThat(home.location()).contains("/app/");
    assertThat(home.text()).contains("Kreta Café " + run).contains(email);
  }

  @Test
  void protectedPagesSendAnonymousVisitorsToSignIn() {
    Document page = client().get("app/contacts.xhtml");
    assertThat(page.location()).contains("login.xhtml");
    assertThat(page.getElementById("login")).isNotNull();
  }

  @Test
  void badInputGivesAClearMessageAndCreatesNothing() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    WebClient browser = client();
    String company = "Bad Input " + run;

    assertThat(submitSignUp(browser, form(company, "not-an-email", PASSWORD)))
        .contains("Enter a valid email address");
    assertThat(submitSignUp(browser, form(company, "weak-" + run + "@example.com", "short")))
        .contains("at least 12 characters");
    assertThat(
            submitSignUp(browser, form(company, "same-" + run + "@example.com", "aaaaaaaaaaaaaaa")))
        .contains("at least 4 different characters");
    assertThat(
            submitSignUp(browser, form("x".repeat(201), "long-" + run + "@example.com", PASSWORD)))
        .contains("at most 200 characters");
    // An empty form names every missing field at once, and asks no billing address (that comes
    // with the choice of a plan).
    Map<String, String> empty = new HashMap<>();
    empty.put("companyName", "");
    empty.put("ownerName", "");
    empty.put("email", "");
    empty.put("password", "");
    Document all = browser.submit(browser.get("signup.xhtml"), "signup", empty, "submit");
    assertThat(all.text())
        .contains("Enter your company's name.")
        .contains("Enter your name.")
        .contains("Enter your email address.")
        .contains("at least 12 characters")
        .doesNotContain("billing address.");
    assertThat(all.select("#signup\\:legalName, #signup\\:country")).isEmpty();

    String email = "dup-" + run + "@example.com";
    assertThat(submitSignUp(browser, form(company + " first", email, PASSWORD)))
        .contains("we sent a confirmation link");
    assertThat(submitSignUp(client(), form(company + " second", email.toUpperCase(), PASSWORD)))
        .as("an unconfirmed sign-up is replaced by the next one with its address")
        .contains("we sent a confirmation link");

    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("select name from tenant where name like ?")) {
      s.setString(1, "Bad Input " + run + "%");
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(company + " second");
        assertThat(rs.next()).as("one address, one tenant").isFalse();
      }
    }
  }

  /** Per client address and window, as arquillian.xml sets it for the tests. */
  static final int SIGN_UP_LIMIT = 20;

  @Test
  void finding04_aSignUpFloodFromOneAddressGets429WhileAnotherAddressStillSignsUp() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    URI uri = URI.create(base.toString());
    String flooder = RawHttp.otherLoopbackAddress();
    String bogus =
        "signup%3AcompanyName=Flood&signup%3Aemail=flood-"
            + run
            + "%40example.com&signup%3Apassword=x&signup%3Asubmit=";
    for (int i = 0; i < SIGN_UP_LIMIT; i++) {
      assertThat(RawHttp.postForm(uri, flooder, "signup.xhtml", bogus).status())
          .as("sign-up %d from %s", i + 1, flooder)
          .isNotEqualTo(429);
    }
    RawHttp.Answer refused = RawHttp.postForm(uri, flooder, "signup.xhtml", bogus);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
    assertThat(refused.body()).contains("Too many attempts. Please wait");

    String email = "calm-" + run + "@example.com";
    assertThat(submitSignUp(client(), form("Calm " + run, email, PASSWORD)))
        .as("another address is not affected")
        .contains("we sent a confirmation link to " + email);
  }

  @Test
  void finding04_theSignInPageRefusesMultipartBodies() throws Exception {
    String boundary = "----kreta" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + "x".repeat(100_000)
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("does not accept file uploads");
  }

  @Test
  void finding07_signUpAnswersAlikeForAnAddressWithAnAccountAndMailsItsOwner() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User existing = TestAccounts.owner("Existing", run);
    String fresh = "fresh-" + run + "@example.com";

    String unknown =
        submitSignUp(client(), form("Fresh " + run, fresh, PASSWORD)).replace(fresh, "<email>");
    String known =
        submitSignUp(client(), form("Fresh " + run, existing.email(), "another long secret"))
            .replace(existing.email(), "<email>");

    assertThat(known).isEqualTo(unknown).contains("we sent a confirmation link to <email>");
    MimeMessage notice = mailbox.awaitSubject(existing.email(), "tried to sign up", 15);
    assertThat(notice).isNotNull();
    assertThat(mailbox.count(existing.email(), "Confirm your email")).isZero();
    assertThat(tenantsNamed("Fresh " + run)).as("only the unknown address got a tenant").isOne();
    TestAccounts.clearAddressThrottle();
    Document home = signIn(client(), existing.email(), PASSWORD);
    assertThat(home.location())
        .as("the existing account is unchanged")
        .doesNotContain("login.xhtml");
  }

  @Test
  void finding07_aSignUpMadeWithSomeoneElsesAddressIsUselessToItsAuthor() {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String victim = "victim-" + run + "@example.com";
    String attackersPassword = "attacker chose this";
    String victimsPassword = "victims own secret";
    WebClient attacker = client();
    submitSignUp(attacker, form("Trap " + run, victim, attackersPassword));
    String trapLink = mailbox.linkToken(victim, "verify.xhtml");

    WebClient victimBrowser = client();
    Document opened = victimBrowser.get("verify.xhtml?token=" + trapLink);
    assertThat(opened.text()).contains("Enter the password you chose when you signed up");
    assertThat(signIn(attacker, victim, attackersPassword).location())
        .as("opening the link alone activates nothing")
        .contains("login.xhtml");
    assertThat(confirm(victimBrowser, trapLink, victimsPassword).text())
        .contains("not the password chosen at sign-up");
    assertThat(signIn(attacker, victim, attackersPassword).location()).contains("login.xhtml");

    submitSignUp(victimBrowser, form("Mine " + run, victim, victimsPassword));
    String ownLink = mailbox.linkTokens(victim, "verify.xhtml", 2).get(1);
    assertThat(victimBrowser.get("verify.xhtml?token=" + trapLink).text())
        .as("the earlier sign-up's link stops working")
        .contains("This link is not valid any more");
    assertThat(confirm(victimBrowser, ownLink, victimsPassword).text())
        .contains("Your email is confirmed");

    assertThat(signIn(attacker, victim, attackersPassword).location())
        .as("the attacker's password never works")
        .contains("login.xhtml");
    Document home = signIn(victimBrowser, victim, victimsPassword);
    assertThat(home.location()).doesNotContain("login.xhtml");
    assertThat(home.text()).contains("Mine " + run).doesNotContain("Trap " + run);
    TestAccounts.clearAddressThrottle();
  }

  private static Document signIn(WebClient browser, String email, String password) {
    return browser.submit(browser.get("login.xhtml"), "login", login(email, password), "submit");
  }

  private static Document confirm(WebClient browser, String token, String password) {
    return browser.submit(
        browser.get("verify.xhtml?token=" + token),
        "verify",
        Map.of("password", password),
        "submit");
  }

  private static int tenantsNamed(String name) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("select count(*) from tenant where name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String submitSignUp(WebClient browser, Map<String, String> form) {
    return browser.submit(browser.get("signup.xhtml"), "signup", form, "submit").text();
  }

  static Map<String, String> login(String email) {
    return login(email, PASSWORD);
  }

  static Map<String, String> login(String email, String password) {
    return Map.of("email", email, "password", password);
  }
}
