package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;

/**
 * A part of a template draft that Meta would refuse, with every problem of that part as a wording;
 * its message is the English sentences (the public API, logs).
 */
public class InvalidDraftException extends IllegalArgumentException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  private final List<Wording> wordings;

  public InvalidDraftException(List<Wording> wordings) {
    super(String.join(" ", Wording.english(wordings)));
    this.wordings = List.copyOf(wordings);
  }

  public InvalidDraftException(Wording wording) {
    this(List.of(wording));
  }

  @Override
  public List<Wording> wordings() {
    return wordings;
  }
}
