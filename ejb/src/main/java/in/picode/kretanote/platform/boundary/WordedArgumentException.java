package in.picode.kretanote.platform.boundary;

import java.util.List;

/**
 * An invariant of an entity or value that an argument breaks, with the sentence as a {@link
 * Wording}: a boundary that catches it passes the wording on ({@link Wording#of(Throwable)}).
 */
public class WordedArgumentException extends IllegalArgumentException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  private final Wording wording;

  public WordedArgumentException(Wording wording) {
    super(wording.english());
    this.wording = wording;
  }

  @Override
  public List<Wording> wordings() {
    return List.of(wording);
  }
}
