package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A retention setting, account deletion or data-subject request was refused for a reason the page
 * shows in the reader's language (wrong password, wrong tenant name, a period out of range, an
 * unknown contact). The transaction rolls back, so nothing changed.
 */
@ApplicationException(rollback = true)
public class PrivacyRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public PrivacyRefusedException(Wording problem) {
    super(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public PrivacyRefusedException(String message) {
    this(Wording.unworded(message));
  }
}
