package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import jakarta.ejb.ApplicationException;

/**
 * A connection attempt was refused before anything was stored: a malformed request, a used or
 * foreign signup code, a token without the WhatsApp permissions, or a number another tenant holds.
 * The message is meant for the tenant, in plain words.
 */
@ApplicationException(rollback = true)
public class ConnectRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final Step step;

  public ConnectRefusedException(Step step, String message) {
    super(message);
    this.step = step;
  }

  /** The step that refused; null when the request itself was malformed. */
  public Step step() {
    return step;
  }
}
