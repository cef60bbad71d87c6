package in.picode.kretanote.inbound.boundary;

/**
 * The webhook cannot be taken now and must not be acknowledged, so Meta delivers it again later:
 * the log is full or the database does not answer, or the app secret is not configured (then no
 * signature can be checked, and refusing with 401 would make Meta give up on good webhooks).
 */
public class WebhookUnavailableException extends Exception {

  public WebhookUnavailableException(String reason) {
    super(reason, null, false, false);
  }

  public WebhookUnavailableException(String reason, Throwable cause) {
    super(reason, cause, false, false);
  }
}
