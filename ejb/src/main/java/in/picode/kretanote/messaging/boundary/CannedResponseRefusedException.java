package in.picode.kretanote.messaging.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A canned-response change that was refused, with a sentence for the settings page and the field it
 * concerns ({@code shortcut}, {@code body}, or null for the form as a whole); nothing changed.
 */
@ApplicationException(rollback = true)
public class CannedResponseRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public CannedResponseRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
