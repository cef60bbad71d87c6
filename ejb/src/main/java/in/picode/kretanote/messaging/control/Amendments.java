package in.picode.kretanote.messaging.control;

import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.Message;

/**
 * A customer's edit or deletion of an earlier message: stored as a row of its own whose context is
 * the message it changes, and applied to that message only when it is the same customer's own
 * inbound message, never to another edit or deletion.
 */
public final class Amendments {

  /** The types of a customer's edit and deletion of an earlier message. */
  public static final String EDIT = "edit";

  public static final String REVOKE = "revoke";

  private Amendments() {}

  /** Whether a stored row of {@code type} changes another message instead of being one. */
  public static boolean isAmendment(String type) {
    return EDIT.equals(type) || REVOKE.equals(type);
  }

  /**
   * Applies {@code amendment} to {@code target}: an edit replaces the text and keeps the previous
   * one; a deletion hides it.
   */
  public static void apply(Message amendment, Message target) {
    if (target == null
        || !isAmendment(amendment.getType())
        || isAmendment(target.getType())
        || target.getContactId() != amendment.getContactId()
        || target.getDirection() != Direction.INBOUND) {
      return;
    }
    if (EDIT.equals(amendment.getType())) {
      target.edit(amendment.getText(), amendment.getCreatedAt());
    } else {
      target.marks().revoked(amendment.getCreatedAt());
    }
  }
}
