package in.picode.kretanote.inbound.rest;

/** A webhook body over {@code kretanote.webhook.max-bytes}: answered 413, nothing stored. */
public class BodyTooLargeException extends RuntimeException {

  private final long max;

  public BodyTooLargeException(long max) {
    super("body larger than " + max + " bytes", null, false, false);
    this.max = max;
  }

  public long max() {
    return max;
  }
}
