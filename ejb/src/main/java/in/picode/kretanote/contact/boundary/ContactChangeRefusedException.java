package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A change to contacts that was refused, with a sentence for the user; nothing was written. */
@ApplicationException(rollback = true)
public class ContactChangeRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public ContactChangeRefusedException(List<Wording> problems) {
    super(problems);
  }

  public ContactChangeRefusedException(Wording problem) {
    this(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public ContactChangeRefusedException(String problem) {
    this(Wording.unworded(problem));
  }
}
