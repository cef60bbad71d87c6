package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A conversation change that was refused, with a sentence for the agent; nothing changed. */
@ApplicationException(rollback = true)
public class ConversationChangeRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public ConversationChangeRefusedException(Wording problem) {
    super(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public ConversationChangeRefusedException(String message) {
    this(Wording.unworded(message));
  }
}
