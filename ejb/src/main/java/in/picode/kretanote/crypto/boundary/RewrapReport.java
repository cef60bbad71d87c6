package in.picode.kretanote.crypto.boundary;

/**
 * What a re-wrap run did.
 *
 * @param kekId the current key-encryption key everything was re-wrapped under
 * @param rewrapped data keys re-wrapped by this run
 * @param failed data keys that could not be unwrapped (their KEK is not configured, or the wrapped
 *     key fails authentication); the log names each one
 * @param remaining live data keys still wrapped by another KEK when the run ended; the previous KEK
 *     may be removed only when this is 0
 */
public record RewrapReport(String kekId, int rewrapped, int failed, long remaining) {

  public boolean complete() {
    return remaining == 0;
  }
}
