package in.picode.kretanote.meta.boundary;

/**
 * What a caller should do about a failed Graph call, decided from Meta's error {@code code} (never
 * from its message) or, when there is no envelope, from the HTTP status or the I/O failure.
 */
public enum ErrorClass {
  /** Try again later with jitter: Meta had a hiccup, the call timed out, the line dropped. */
  TRANSIENT,
  /** A rate or throughput limit: back off before the next call. */
  THROTTLED,
  /** The token is expired, revoked or lacks a permission: the tenant must reconnect. */
  AUTH,
  /** Retrying the same call will fail the same way. */
  PERMANENT;

  public boolean isRetryable() {
    return this == TRANSIENT || this == THROTTLED;
  }
}
