package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;

/**
 * The payment provider could not be reached or refused a request; the message is plain words, the
 * wording the same for the page's language.
 */
public class PaymentProviderException extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  private final Wording wording;

  public PaymentProviderException(Wording wording) {
    super(wording.english());
    this.wording = wording;
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public PaymentProviderException(String message) {
    this(Wording.unworded(message));
  }

  @Override
  public List<Wording> wordings() {
    return List.of(wording);
  }
}
