package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An action could not be done: the guard refused the send, or the owning feature the change. It
 * carries its sentences as wordings; its message (the run log's line) is the English.
 */
@ApplicationException(rollback = true)
public class ActionRefusedException extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  private final List<Wording> wordings;

  public ActionRefusedException(List<Wording> problems) {
    super(String.join("; ", Wording.english(problems)));
    this.wordings = List.copyOf(problems);
  }

  /** The action's log line ({@code line}) and why it was refused. */
  public ActionRefusedException(Wording line, Wording why) {
    this(List.of(AutomationWords.ACTION_REFUSED.with(line, why)));
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public ActionRefusedException(String reason) {
    this(List.of(Wording.unworded(reason)));
  }

  @Override
  public List<Wording> wordings() {
    return wordings;
  }
}
