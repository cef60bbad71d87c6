package in.picode.kretanote.tenant.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable single-use link tokens: 256 random bits, URL-safe base64 in the link, SHA-256 in the
 * database (a stolen table row cannot be turned back into a working link).
 */
public final class TokenCodec {

  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int BYTES = 32;

  private TokenCodec() {}

  public static String newToken() {
    byte[] b = new byte[BYTES];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The stored form; any string (also a forged one) hashes, so lookups simply find nothing. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cheap shape check before any database work: 43 URL-safe base64 characters. */
  public static boolean looksValid(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }
}
