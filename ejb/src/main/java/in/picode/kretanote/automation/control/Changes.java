package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.ContactNotFoundException;
import in.picode.kretanote.messaging.boundary.ConversationChangeRefusedException;
import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;

/** Runs an action's change, or in a dry run only says it; the owner's refusal becomes the log's. */
final class Changes {

  private Changes() {}

  static Wording apply(Situation s, Wording line, Runnable change) {
    if (s.dry()) {
      return AutomationWords.LOG_WOULD.with(line);
    }
    try {
      change.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ConversationChangeRefusedException
            || t instanceof ConversationNotFoundException
            || t instanceof ContactChangeRefusedException
            || t instanceof ContactNotFoundException) {
          throw new ActionRefusedException(line, Wording.of(t));
        }
      }
      throw e;
    }
    return line;
  }

  /** A send's outcome in the log; the guard's refusal (its reason) fails the action. */
  static Wording sent(Situation s, Wording line, SendResult r) {
    if (r != null && !r.isQueued()) {
      Wording why =
          r.refusalWording() != null ? r.refusalWording() : Wording.unworded(r.refusal().reason());
      throw new ActionRefusedException(
          List.of(AutomationWords.ACTION_SEND_REFUSED.with(line, r.refusalCode(), why)));
    }
    return s.dry()
        ? AutomationWords.LOG_WOULD.with(line)
        : r.duplicate() ? AutomationWords.LOG_ALREADY_SENT.with(line) : line;
  }
}
