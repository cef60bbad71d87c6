package in.picode.kretanote.inbound.control;

/**
 * The body as a whole is not a WhatsApp webhook: not UTF-8, not JSON, not an object, not for {@code
 * whatsapp_business_account}, without an {@code entry} array, nested too deep or carrying absurd
 * number literals. The message never quotes the body, so it can be logged.
 */
public class MalformedWebhookException extends Exception {

  private final String path;
  private final String reason;

  public MalformedWebhookException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  public String path() {
    return path;
  }

  public String reason() {
    return reason;
  }
}
