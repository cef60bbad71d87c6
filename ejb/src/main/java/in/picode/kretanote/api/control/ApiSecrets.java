package in.picode.kretanote.api.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key token: {@code kn_<public id>_<secret>}, the public id 16 hex characters (12 random
 * bytes would do; 8 keep it short and unique enough with the unique key behind it), the secret 256
 * random bits in URL-safe Base64. Only SHA-256 of the secret is stored: with 256 bits of entropy no
 * dictionary or brute force applies, so a slow password hash would only cost time on every call.
 * The comparison is constant-time.
 */
public final class ApiSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("kn_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private ApiSecrets() {}

  public record Parsed(String publicId, String secret) {}

  public record Fresh(String publicId, String token, byte[] secretSha256) {}

  public static Fresh generate() {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String publicId = HexFormat.of().formatHex(id);
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Fresh(publicId, "kn_" + publicId + "_" + s, sha256(s));
  }

  public static Optional<Parsed> parse(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    Matcher m = TOKEN.matcher(token);
    return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
  }

  public static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A random secret for signing webhooks, shown once: {@code whsec_} and 256 bits. */
  public static String webhookSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
