package in.picode.kretanote.billing.boundary;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider's webhook signature, as Stripe signs: header {@code Stripe-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>} (several v1 allowed during a
 * secret rotation). A signature older or newer than the tolerance is refused, so a captured webhook
 * cannot be replayed later; replays inside the window are stopped by the event id.
 */
public final class ProviderSignature {

  public static final String HEADER = "Stripe-Signature";
  public static final int HEADER_MAX = 2000;

  /** Why a webhook was refused; the message is safe to answer with. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  private ProviderSignature() {}

  /**
   * Whether a header could carry a signature at all (present, not too long, a timestamp and a
   * {@code v1} part), checked before the body is read.
   */
  public static boolean plausible(String header) {
    return header != null
        && !header.isBlank()
        && header.length() <= HEADER_MAX
        && header.contains("t=")
        && header.contains("v1=");
  }

  public static String sign(String secret, long timestamp, byte[] body) {
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  public static void verify(
      String header, byte[] body, String secret, Instant now, Duration tolerance) throws Refused {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalStateException("No webhook secret is configured");
    }
    if (header == null || header.isBlank()) {
      throw new Refused("Missing " + HEADER + " header");
    }
    if (header.length() > HEADER_MAX) {
      throw new Refused("Malformed " + HEADER + " header");
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        throw new Refused("Malformed " + HEADER + " header");
      }
      switch (kv[0]) {
        case "t" -> {
          try {
            timestamp = Long.parseLong(kv[1]);
          } catch (NumberFormatException e) {
            throw new Refused("Malformed " + HEADER + " timestamp");
          }
        }
        case "v1" -> {
          try {
            signatures.add(HexFormat.of().parseHex(kv[1]));
          } catch (IllegalArgumentException e) {
            throw new Refused("Malformed " + HEADER + " signature");
          }
        }
        default -> {
          // other schemes (v0 test signatures) are ignored, as Stripe's libraries do
        }
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new Refused("The " + HEADER + " header lacks a timestamp or a v1 signature");
    }
    long age = now.getEpochSecond() - timestamp;
    if (Math.abs(age) > tolerance.toSeconds()) {
      throw new Refused("The signature timestamp is outside the tolerance");
    }
    byte[] expected = mac(secret, timestamp, body);
    for (byte[] candidate : signatures) {
      if (MessageDigest.isEqual(expected, candidate)) {
        return;
      }
    }
    throw new Refused("The signature does not match");
  }

  private static byte[] mac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
