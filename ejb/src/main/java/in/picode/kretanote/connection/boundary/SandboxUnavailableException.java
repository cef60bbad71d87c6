package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Sandbox mode could not do what was asked: it is off, or the Meta simulator does not answer. An
 * {@link IllegalStateException}, as before, with the sentence as a {@link Wording}; an application
 * exception, so the settings page gets it (not the container's wrapper) and shows the sentence.
 */
@ApplicationException(rollback = true)
public class SandboxUnavailableException extends IllegalStateException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  private final Wording wording;

  public SandboxUnavailableException(Wording wording) {
    super(wording.english());
    this.wording = wording;
  }

  @Override
  public List<Wording> wordings() {
    return List.of(wording);
  }
}
