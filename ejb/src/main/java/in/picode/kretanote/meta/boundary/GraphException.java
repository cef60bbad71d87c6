package in.picode.kretanote.meta.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Optional;

/**
 * A Graph API call failed: Meta's error envelope ({@code code}, {@code error_subcode}, {@code
 * error_data.details}, {@code fbtrace_id}), or no answer at all (timeout, refused, dropped; then
 * {@link #code()} is empty and {@link #httpStatus()} is 0). The message names the operation and
 * Meta's code; it never carries a token, a secret, or the request URL.
 */
@ApplicationException(rollback = true)
public class GraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int httpStatus;
  private final Integer code;
  private final Integer subcode;
  private final String metaMessage;
  private final String details;
  private final String fbtraceId;
  private final ErrorClass errorClass;
  private final boolean mayHaveArrived;

  public GraphException(
      String operation,
      int httpStatus,
      Integer code,
      Integer subcode,
      String metaMessage,
      String details,
      String fbtraceId,
      ErrorClass errorClass) {
    this(operation, httpStatus, code, subcode, metaMessage, details, fbtraceId, errorClass, false);
  }

  private GraphException(
      String operation,
      int httpStatus,
      Integer code,
      Integer subcode,
      String metaMessage,
      String details,
      String fbtraceId,
      ErrorClass errorClass,
      boolean mayHaveArrived) {
    super(describe(operation, httpStatus, code, subcode, metaMessage, fbtraceId));
    this.mayHaveArrived = mayHaveArrived;
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.code = code;
    this.subcode = subcode;
    this.metaMessage = metaMessage;
    this.details = details;
    this.fbtraceId = fbtraceId;
    this.errorClass = errorClass;
  }

  /** No answer from Meta (I/O failure or timeout); always {@link ErrorClass#TRANSIENT}. */
  public static GraphException unreachable(String operation, String what) {
    return new GraphException(operation, 0, null, null, what, null, null, ErrorClass.TRANSIENT);
  }

  /**
   * No answer, but the request may have reached Meta (a read timeout, a connection dropped after
   * the request was written, an answer that broke off): a call that is not idempotent, such as a
   * send, must not simply be repeated.
   */
  public static GraphException unanswered(String operation, String what) {
    return new GraphException(
        operation, 0, null, null, what, null, null, ErrorClass.TRANSIENT, true);
  }

  private static String describe(
      String operation,
      int httpStatus,
      Integer code,
      Integer subcode,
      String metaMessage,
      String fbtraceId) {
    StringBuilder s = new StringBuilder("Meta Graph API: ").append(operation);
    if (httpStatus == 0) {
      s.append(" got no answer");
    } else {
      s.append(" failed with HTTP ").append(httpStatus);
    }
    if (code != null) {
      s.append(", code ").append(code);
    }
    if (subcode != null) {
      s.append(", subcode ").append(subcode);
    }
    if (metaMessage != null && !metaMessage.isBlank()) {
      s.append(": ").append(metaMessage);
    }
    if (fbtraceId != null) {
      s.append(" (fbtrace_id ").append(fbtraceId).append(')');
    }
    return s.toString();
  }

  public String operation() {
    return operation;
  }

  /** 0 when Meta did not answer. */
  public int httpStatus() {
    return httpStatus;
  }

  public Optional<Integer> code() {
    return Optional.ofNullable(code);
  }

  public Optional<Integer> subcode() {
    return Optional.ofNullable(subcode);
  }

  public boolean hasCode(int expected) {
    return code != null && code == expected;
  }

  /** Meta's own message, for support staff; act on {@link #code()}, never on this. */
  public Optional<String> metaMessage() {
    return Optional.ofNullable(metaMessage);
  }

  public Optional<String> details() {
    return Optional.ofNullable(details);
  }

  public Optional<String> fbtraceId() {
    return Optional.ofNullable(fbtraceId);
  }

  /** True when Meta may have received and acted on the request although no answer came. */
  public boolean mayHaveArrived() {
    return mayHaveArrived;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }
}
