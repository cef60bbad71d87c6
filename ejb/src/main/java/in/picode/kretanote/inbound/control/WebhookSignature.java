package in.picode.kretanote.inbound.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256} against the raw request body before anything else looks at it:
 * Meta signs the bytes it sent, and any re-serialised JSON (emoji, escaped characters, key order)
 * would no longer match.
 *
 * <p>The app secret belongs to the Meta app, so there is one for the whole platform. Rotating it in
 * the Meta dashboard takes effect at once while our configuration follows a little later, so a
 * previous secret may be configured for the overlap; a match on it is reported separately so that
 * the operator sees when the old secret can be removed.
 *
 * <p>The comparison runs on the decoded 32 bytes with {@link MessageDigest#isEqual}, which takes
 * the same time wherever the first difference is. Header format problems are told apart from a
 * wrong signature only for the operator's diagnosis; both must be refused the same way.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Hub-Signature-256";

  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int SIGNATURE_BYTES = 32;

  public enum Verdict {
    VALID,
    VALID_WITH_PREVIOUS_SECRET,
    MISSING,
    MALFORMED,
    MISMATCH;

    public boolean isValid() {
      return this == VALID || this == VALID_WITH_PREVIOUS_SECRET;
    }
  }

  private final SecretKeySpec current;
  private final Optional<SecretKeySpec> previous;

  public WebhookSignature(String currentSecret) {
    this(currentSecret, Optional.empty());
  }

  /**
   * @param previousSecret the secret being rotated out; empty or blank when there is none, so an
   *     unset configuration value can be passed as is
   */
  public WebhookSignature(String currentSecret, Optional<String> previousSecret) {
    this.current = key(currentSecret);
    this.previous = previousSecret.filter(s -> !s.isBlank()).map(WebhookSignature::key);
  }

  private static SecretKeySpec key(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("The Meta app secret must not be blank");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * What can be said about a header without the body: {@code MISSING}, {@code MALFORMED} (not
   * {@code sha256=} and 64 hex digits), or {@code VALID} meaning only "well formed". Lets the
   * webhook refuse a request before reading its body.
   */
  public static Verdict shape(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      return Verdict.MISSING;
    }
    return decode(headerValue.strip()) == null ? Verdict.MALFORMED : Verdict.VALID;
  }

  public Verdict verify(byte[] rawBody, String headerValue) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (headerValue == null || headerValue.isBlank()) {
      return Verdict.MISSING;
    }
    byte[] claimed = decode(headerValue.strip());
    if (claimed == null) {
      return Verdict.MALFORMED;
    }
    if (MessageDigest.isEqual(claimed, hmac(current, rawBody))) {
      return Verdict.VALID;
    }
    if (previous.isPresent() && MessageDigest.isEqual(claimed, hmac(previous.get(), rawBody))) {
      return Verdict.VALID_WITH_PREVIOUS_SECRET;
    }
    return Verdict.MISMATCH;
  }

  /** The header value Meta would send for this body; for tests and the local simulator. */
  public String sign(byte[] rawBody) {
    return PREFIX + HexFormat.of().formatHex(hmac(current, rawBody));
  }

  private static byte[] decode(String value) {
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String hex = value.substring(PREFIX.length());
    if (hex.length() != SIGNATURE_BYTES * 2) {
      return null;
    }
    for (int i = 0; i < hex.length(); i++) {
      if (!HexFormat.isHexDigit(hex.charAt(i))) {
        return null;
      }
    }
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[previous secret " + (previous.isPresent() ? "set" : "unset") + "]";
  }
}
