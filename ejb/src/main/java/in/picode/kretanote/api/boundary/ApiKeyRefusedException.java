package in.picode.kretanote.api.boundary;

import in.picode.kretanote.platform.boundary.WordedRefusal;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A key that cannot be created or changed as asked; the sentence says why, in words. */
@ApplicationException(rollback = true)
public class ApiKeyRefusedException extends WordedRefusal {

  private static final long serialVersionUID = 1L;

  public ApiKeyRefusedException(Wording problem) {
    super(List.of(problem));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public ApiKeyRefusedException(String message) {
    this(Wording.unworded(message));
  }
}
