package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A connection attempt was refused before anything was stored: a malformed request, a used or
 * foreign signup code, a token without the WhatsApp permissions, or a number another tenant holds.
 * The sentences are meant for the tenant, in plain words.
 */
@ApplicationException(rollback = true)
public class ConnectRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;
  private final Step step;

  public ConnectRefusedException(Step step, List<Wording> sentences) {
    super(sentences);
    this.step = step;
  }

  public ConnectRefusedException(Step step, Wording sentence) {
    this(step, List.of(sentence));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public ConnectRefusedException(Step step, String message) {
    this(step, Wording.unworded(message));
  }

  /** The step that refused; null when the request itself was malformed. */
  public Step step() {
    return step;
  }
}
