package in.picode.kretanote.api.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A subscription that cannot be made as asked (URL, events); the sentence says why. */
@ApplicationException(rollback = true)
public class WebhookRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public WebhookRefusedException(Wording problem) {
    super(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public WebhookRefusedException(String message) {
    this(Wording.unworded(message));
  }
}
