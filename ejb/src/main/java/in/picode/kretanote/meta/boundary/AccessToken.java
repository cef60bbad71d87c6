package in.picode.kretanote.meta.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A Meta access token. A type of its own so that it cannot end up in a log line, an exception
 * message or a page by accident: {@link #toString()} never shows it, and only the Graph client and
 * the token vault's caller read {@link #value()}. Deliberately not {@code Serializable}, so it
 * cannot travel into an HTTP session or a view state.
 */
public final class AccessToken {

  /** Meta's tokens are a few hundred characters; anything far longer is not a token. */
  public static final int MAX_LENGTH = 2048;

  private final String value;

  private AccessToken(String value) {
    this.value = value;
  }

  public static AccessToken of(String value) {
    Objects.requireNonNull(value, "token");
    String v = value.strip();
    if (v.isEmpty() || v.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("Not an access token (empty or too long)");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new IllegalArgumentException("Not an access token (unexpected characters)");
      }
    }
    return new AccessToken(v);
  }

  /** The secret itself: for the Authorization header and for encryption, nothing else. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.length();
  }

  @Override
  public String toString() {
    return "AccessToken[redacted]";
  }
}
