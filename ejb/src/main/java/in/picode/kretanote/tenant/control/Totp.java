package in.picode.kretanote.tenant.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 30-second steps, six
 * digits): what every authenticator app (Google Authenticator, Microsoft Authenticator, 1Password,
 * Authy) understands. A code is accepted one step either side of now, for clocks that drift; the
 * caller stores the step a code matched and refuses that step and older ones afterwards, so a code
 * seen over someone's shoulder cannot be used again.
 */
public final class Totp {

  public static final int SECRET_BYTES = 20;
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  static final int DRIFT_STEPS = 1;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random secret (160 bits, as RFC 4226 recommends). */
  public static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for one time step with the given number of digits (RFC 4226 section 5.3). */
  public static String code(byte[] secret, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int otp = binary % (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", otp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }

  /**
   * The step a typed code matches, within the drift window around {@code now} and after {@code
   * lastUsedStep}; empty when it matches none. Spaces in the typed code are ignored.
   */
  public static OptionalLong match(byte[] secret, String typed, Instant now, long lastUsedStep) {
    if (typed == null) {
      return OptionalLong.empty();
    }
    String code = typed.replace(" ", "").replace("-", "");
    if (code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
      if (s <= lastUsedStep) {
        continue;
      }
      byte[] expected = code(secret, s, DIGITS).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, code.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
  public static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  public static byte[] fromBase32(String text) {
    String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    byte[] out = new byte[clean.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int index = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  /** The otpauth URI (Key Uri Format) an authenticator app reads from the QR code. */
  public static String otpauthUri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
