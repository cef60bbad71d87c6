package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request to the outbound feature that cannot be carried out as asked (an unknown connection or
 * contact, a malformed template, a rate out of range); the message is the sentence to show. Nothing
 * was changed.
 */
@ApplicationException(rollback = true)
public class OutboundRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public OutboundRefusedException(List<Wording> problems) {
    super(problems);
  }

  public OutboundRefusedException(Wording problem) {
    this(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public OutboundRefusedException(String problem) {
    this(Wording.unworded(problem));
  }
}
