package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An account action (password reset, joining, inviting, changing a team member) was refused for a
 * reason the page shows in the reader's language (its {@link Wording}); the transaction rolls back,
 * so nothing changed. {@code field} names the form field the message belongs to, or is null for the
 * page as a whole. The message is the English sentence.
 */
@ApplicationException(rollback = true)
public class AccountChangeRefusedException extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;
  private final String field;
  private final Wording wording;

  public AccountChangeRefusedException(String field, Wording wording) {
    super(wording.english());
    this.field = field;
    this.wording = wording;
  }

  /** A sentence not yet given a code: shown in English in every language. */
  public AccountChangeRefusedException(String field, String message) {
    this(field, Wording.unworded(message));
  }

  public static AccountChangeRefusedException page(Wording wording) {
    return new AccountChangeRefusedException(null, wording);
  }

  public static AccountChangeRefusedException page(String message) {
    return new AccountChangeRefusedException(null, message);
  }

  public String field() {
    return field;
  }

  @Override
  public List<Wording> wordings() {
    return List.of(wording);
  }
}
