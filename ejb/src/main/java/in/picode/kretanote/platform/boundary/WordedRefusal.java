package in.picode.kretanote.platform.boundary;

import java.util.List;

/**
 * A feature's refusal that carries its sentences as {@link Wording}s, so the web layer words them
 * in the reader's language; the exception's message is the English sentences (the public API,
 * logs).
 */
public abstract class WordedRefusal extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  private final List<Wording> wordings;

  protected WordedRefusal(List<Wording> wordings) {
    super(String.join(" ", Wording.english(wordings)));
    this.wordings = List.copyOf(wordings);
  }

  @Override
  public List<Wording> wordings() {
    return wordings;
  }

  /** The English sentences, one per problem found. */
  public List<String> problems() {
    return Wording.english(wordings);
  }
}
