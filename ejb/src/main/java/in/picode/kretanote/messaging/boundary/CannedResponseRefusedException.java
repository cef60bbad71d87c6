package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A canned-response change that was refused, with a sentence for the settings page and the field it
 * concerns ({@code shortcut}, {@code body}, or null for the form as a whole); nothing changed.
 */
@ApplicationException(rollback = true)
public class CannedResponseRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;
  private final String field;

  public CannedResponseRefusedException(String field, Wording problem) {
    super(List.of(problem));
    this.field = field;
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public CannedResponseRefusedException(String field, String message) {
    this(field, Wording.unworded(message));
  }

  public String field() {
    return field;
  }
}
