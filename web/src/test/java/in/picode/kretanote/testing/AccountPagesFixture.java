package in.picode.kretanote.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the account pages' ITs (team, privacy, account security) share: a real mailbox for the mails
 * the server sends (invitations, resets, deletion notices) and a clean sign-in throttle for the
 * test address before each test and after the class. Register it as {@code @RegisterExtension
 * static final AccountPagesFixture fixture = new AccountPagesFixture();}.
 */
public final class AccountPagesFixture
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private Mailbox mailbox;

  public Mailbox mailbox() {
    return mailbox;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    mailbox = new Mailbox();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestAccounts.clearAddressThrottle();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (mailbox != null) {
      mailbox.close();
      mailbox = null;
    }
    TestAccounts.clearAddressThrottle();
  }
}
