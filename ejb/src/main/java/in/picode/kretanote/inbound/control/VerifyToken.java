package in.picode.kretanote.inbound.control;

import in.picode.kretanote.inbound.boundary.Handshake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Answers Meta's subscription handshake ({@code GET ?hub.mode=subscribe&hub.verify_token=T
 * &hub.challenge=C}): the challenge is echoed only when the mode is {@code subscribe} and T is our
 * verify token.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so neither the
 * position of the first wrong character nor the length of our token shows in the timing. The
 * challenge is echoed verbatim, so it is limited to a short run of letters, digits, {@code .},
 * {@code -} and {@code _}: Meta sends a number, and markup or line breaks would turn our endpoint
 * into a reflector for whoever knows the token.
 */
public final class VerifyToken {

  public static final String MODE_SUBSCRIBE = "subscribe";
  static final int CHALLENGE_MAX = 256;

  private final byte[] expectedDigest;

  public VerifyToken(String expectedToken) {
    if (expectedToken == null || expectedToken.isBlank()) {
      throw new IllegalArgumentException("The webhook verify token must not be blank");
    }
    this.expectedDigest = digest(expectedToken);
  }

  public Handshake check(String mode, String token, String challenge) {
    if (!MODE_SUBSCRIBE.equals(mode)) {
      return new Handshake.Refused("hub.mode is not \"subscribe\"");
    }
    if (token == null || !MessageDigest.isEqual(expectedDigest, digest(token))) {
      return new Handshake.Refused("hub.verify_token does not match");
    }
    if (!isPlainLine(challenge)) {
      return new Handshake.Refused(
          "hub.challenge must be 1 to " + CHALLENGE_MAX + " letters, digits, '.', '-' or '_'");
    }
    return new Handshake.Accepted(challenge);
  }

  private static boolean isPlainLine(String challenge) {
    if (challenge == null || challenge.isEmpty() || challenge.length() > CHALLENGE_MAX) {
      return false;
    }
    return challenge
        .chars()
        .allMatch(
            c ->
                (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '.'
                    || c == '-'
                    || c == '_');
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "VerifyToken[***]";
  }
}
