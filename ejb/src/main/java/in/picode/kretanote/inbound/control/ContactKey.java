package in.picode.kretanote.inbound.control;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a WhatsApp user is for KretaNote. Since 2026 Meta sends a business-scoped user id ({@code
 * user_id}, for example {@code DE.1234567890}) and may leave out the phone number of a user who
 * adopted a username, so the identity is the user id when there is one and the phone number ({@code
 * wa_id}) only otherwise; the phone number stays an attribute of the contact.
 */
public record ContactKey(Kind kind, String value) {

  /** Country code, dot, up to 128 characters; room to spare for the column. */
  public static final int MAX_LENGTH = 160;

  public enum Kind {
    USER_ID,
    WA_ID
  }

  public ContactKey {
    Objects.requireNonNull(kind, "kind");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A contact key must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("A contact key has at most " + MAX_LENGTH + " characters");
    }
  }

  /**
   * @return the user id when present, else the phone number; empty when neither is given (blank
   *     counts as not given), which the caller reports as a rejection
   */
  public static Optional<ContactKey> of(String userId, String waId) {
    if (userId != null && !userId.isBlank()) {
      return Optional.of(new ContactKey(Kind.USER_ID, userId));
    }
    if (waId != null && !waId.isBlank()) {
      return Optional.of(new ContactKey(Kind.WA_ID, waId));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
