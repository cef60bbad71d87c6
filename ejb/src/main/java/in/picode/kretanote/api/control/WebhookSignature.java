package in.picode.kretanote.api.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code KretaNote-Signature} header of an outgoing webhook: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256>}, the HMAC keyed with the subscription's secret (its UTF-8 bytes, {@code whsec_…} as
 * shown) over {@code t + "." + body}. A receiver recomputes it and compares in constant time, and
 * refuses a {@code t} far from its clock (replays).
 */
public final class WebhookSignature {

  public static final String HEADER = "KretaNote-Signature";

  private WebhookSignature() {}

  public static String header(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds, body);
  }

  static String hmacHex(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
