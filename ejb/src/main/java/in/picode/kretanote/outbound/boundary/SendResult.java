package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.platform.boundary.Wording;

/**
 * The answer to a send request: either the queued message's id ({@code duplicate} true when the
 * idempotency key had been used for this very message before, so nothing new was queued), or the
 * refusal with its machine code and plain-words reason. A refused request leaves no message behind.
 */
public record SendResult(Long messageId, boolean duplicate, Refusal refusal) {

  public static SendResult queued(long messageId, boolean duplicate) {
    return new SendResult(messageId, duplicate, null);
  }

  public static SendResult refused(Refusal refusal) {
    return new SendResult(null, false, refusal);
  }

  public boolean isQueued() {
    return refusal == null;
  }

  /** The refusal's machine code ({@code WINDOW_CLOSED} …); null when it was queued. */
  public String refusalCode() {
    return refusal == null ? null : refusal.code().name();
  }

  /** Why the send was refused, as a code for the agent's language; null when it was queued. */
  public Wording refusalWording() {
    return refusal == null ? null : refusal.wording();
  }

  /**
   * One thing Meta would refuse in the message's shape: a code the pages word in the user's
   * language (bundle key {@code compose.problem.<code>}, MessageFormat arguments {@code args}) and
   * the English sentence.
   */
  public record Problem(String code, java.util.List<Object> args, String english) {}

  /**
   * Every problem of the message's shape; empty when it was queued or refused for another cause.
   */
  public java.util.List<Problem> problems() {
    return refusal == null
        ? java.util.List.of()
        : refusal.problems().stream()
            .map(p -> new Problem(p.code(), p.args(), p.english()))
            .toList();
  }

  /** Why the send was refused, in plain words for the agent; null when it was queued. */
  public String refusalReason() {
    return refusal == null ? null : refusal.reason();
  }
}
