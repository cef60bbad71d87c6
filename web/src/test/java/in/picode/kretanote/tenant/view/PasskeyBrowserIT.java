package in.picode.kretanote.tenant.view;

import static in.picode.kretanote.testing.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.Browser;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.Webhooks;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in a real browser (Debian's headless Chromium, {@code DashboardBrowserIT} style) with
 * Chromium's virtual authenticator standing in for the device: register a passkey on the sign-in
 * security page, sign out, sign in with password and passkey, all under the pages' CSP. Runs on
 * {@code localhost}, since a relying party id cannot be an IP address.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class PasskeyBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("passkey-browser", Map.of());
  }

  @ArquillianResource URL base;

  static Browser browser;

  @BeforeAll
  static void start() {
    TestAccounts.clearAddressThrottle();
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  String url(String path) {
    return base.getProtocol() + "://localhost:" + base.getPort() + base.getPath() + path;
  }

  void signInWithPassword(User user) {
    var driver = browser.driver();
    driver.get(url("login.xhtml"));
    driver.findElement(By.id("login:email")).sendKeys(user.email());
    driver.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.click("login:submit");
  }

  @Test
  void registerAPasskeySignOutAndSignInWithPasswordAndPasskey() {
    User owner = TestAccounts.owner("Browser passkey", TestAccounts.run());
    var driver = browser.driver();
    VirtualAuthenticator authenticator =
        ((HasVirtualAuthenticator) driver)
            .addVirtualAuthenticator(
                new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true)
                    .setIsUserConsenting(true));
    try {
      signInWithPassword(owner);
      browser.waiting().until(ExpectedConditions.urlContains("/app/"));

      driver.get(url("app/account-security.xhtml"));
      browser.type("passkeys:passkey-name", "Chromium test key");
      browser.click("add-passkey");
      browser.waitForText("Passkey added");
      assertThat(
              driver.findElements(By.cssSelector(".passkey-list .passkey-name")).stream()
                  .map(WebElement::getText)
                  .toList())
          .containsExactly("Chromium test key");
      List<Credential> stored = authenticator.getCredentials();
      assertThat(stored).as("the virtual authenticator holds the new passkey").hasSize(1);
      browser.screenshot("passkey-registered");

      driver.manage().deleteAllCookies();
      signInWithPassword(owner);
      browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("use-passkey")));
      assertThat(driver.findElements(By.id("code:otp"))).as("no app: no code field").isEmpty();
      browser.screenshot("passkey-sign-in-step");
      browser.click("use-passkey");
      browser.waiting().until(ExpectedConditions.urlContains("/app/"));
      browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("passkey")));
      assertThat(driver.getCurrentUrl()).contains("/app/");
      assertThat(driver.findElements(By.id("login:password"))).isEmpty();
      assertThat(authenticator.getCredentials().get(0).getSignCount())
          .as("the authenticator signed once more")
          .isGreaterThan(stored.get(0).getSignCount());
      assertThat(
              TestAccounts.count(
                  "select count(*) from passkey where user_id = ? and last_used_at is not null",
                  owner.id()))
          .isEqualTo(1);
      browser.screenshot("passkey-signed-in");
    } finally {
      ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
    }
  }
}
