package in.picode.kretanote.tenant.boundary;

import java.util.List;

/**
 * A notification must be mailed to these addresses once the transaction that created it has
 * committed; observed by {@code NotificationMails} with {@code during = AFTER_SUCCESS}. {@code
 * aboutLiveAccount} false: the mail is about an account that is being or has been deleted, so it
 * carries no link into the app and does not address the reader as one of its owners or admins.
 */
public record NotificationMailRequested(
    List<String> recipients,
    String tenantName,
    String subject,
    String body,
    boolean aboutLiveAccount) {

  /** A notification about a live account: it ends with the link to the app. */
  public NotificationMailRequested(
      List<String> recipients, String tenantName, String subject, String body) {
    this(recipients, tenantName, subject, body, true);
  }
}
