package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;

/**
 * A notification must be mailed to these people once the transaction that created it has committed;
 * observed by {@code NotificationMails} with {@code during = AFTER_SUCCESS}, which words {@code
 * subject} and the paragraphs of {@code body} in each recipient's language. {@code
 * aboutLiveAccount} false: the mail is about an account that is being or has been deleted, so it
 * carries no link into the app and does not address the reader as one of its owners or admins.
 */
public record NotificationMailRequested(
    List<Recipient> to,
    String tenantName,
    Wording subject,
    List<Wording> body,
    boolean aboutLiveAccount) {

  /** An address and the language its user chose (null: English, as the browser is not known). */
  public record Recipient(String email, String language) {}

  public NotificationMailRequested {
    to = List.copyOf(to);
    body = List.copyOf(body);
  }

  /** A notification about a live account: it ends with the link to the app. */
  public NotificationMailRequested(
      List<Recipient> to, String tenantName, Wording subject, List<Wording> body) {
    this(to, tenantName, subject, body, true);
  }

  /** The addresses. */
  public List<String> recipients() {
    return to.stream().map(Recipient::email).toList();
  }
}
