package in.picode.kretanote.inbound.control;

/**
 * A webhook could not be made durable, so it must not be acknowledged: the caller answers 503 and
 * Meta delivers it again. Carries no part of the body.
 */
public class LogUnavailableException extends Exception {

  public enum Reason {
    /** The queue of bodies waiting for the writer is full: back-pressure. */
    QUEUE_FULL,
    /** The database did not take the batch; nothing of it was written. */
    STORE_FAILED,
    /** The body waited longer than the acknowledgement timeout and was not written. */
    TIMEOUT,
    /** The application is stopping. */
    STOPPING
  }

  private final Reason reason;

  public LogUnavailableException(Reason reason) {
    this(reason, null);
  }

  public LogUnavailableException(Reason reason, Throwable cause) {
    super("webhook not stored: " + reason, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
