package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.inbound.control.WebhookSignature;

/**
 * A webhook POST whose {@code X-Hub-Signature-256} is missing or does not match: answered 401 and
 * nothing of it is stored. The verdict is for the log and metrics, never for the caller.
 */
public class WebhookRefusedException extends Exception {

  private final WebhookSignature.Verdict verdict;

  public WebhookRefusedException(WebhookSignature.Verdict verdict) {
    super("webhook signature " + verdict, null, false, false);
    this.verdict = verdict;
  }

  public WebhookSignature.Verdict verdict() {
    return verdict;
  }
}
