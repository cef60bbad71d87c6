package in.picode.kretanote.billing.boundary;

/** The payment provider could not be reached or refused a request; the message is plain words. */
public class PaymentProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentProviderException(String message) {
    super(message);
  }
}
