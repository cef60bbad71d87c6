package in.picode.kretanote.tenant.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.Mailbox;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.WebDeployments;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
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
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpAndSignInIT {

  static final String PASSWORD = "correct horse battery";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return WebDeployments.app("app");
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
    assertThat(browser.get("verify.xhtml?token=" + token).text())
        .contains("Your email is confirmed");
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
    Map<String, String> noCountry = form(company, "nocountry-" + run + "@example.com", PASSWORD);
    noCountry.put("country", "");
    assertThat(submitSignUp(browser, noCountry)).contains("Choose the country");

    String email = "dup-" + run + "@example.com";
    assertThat(submitSignUp(browser, form(company + " first", email, PASSWORD)))
        .contains("we sent a confirmation link");
    assertThat(submitSignUp(client(), form(company + " second", email.toUpperCase(), PASSWORD)))
        .contains("cannot be used for a new account");

    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("select name from tenant where name like ?")) {
      s.setString(1, "Bad Input " + run + "%");
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(company + " first");
        assertThat(rs.next()).as("only the one valid sign-up created a tenant").isFalse();
      }
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
