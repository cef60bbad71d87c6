package in.picode.kretanote.messaging.control;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Meta's SHA-256 of a media file. Webhooks and {@code GET /{media-id}} have carried it both as
 * lower-case hex and as base64, so both are read; anything else counts as no checksum.
 */
public final class MediaChecksum {

  private MediaChecksum() {}

  public static Optional<byte[]> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.matches("[0-9a-fA-F]{64}")) {
      return Optional.of(HexFormat.of().parseHex(t.toLowerCase(Locale.ROOT)));
    }
    if (t.matches("[A-Za-z0-9+/_-]{43}=?")) {
      try {
        byte[] b =
            t.contains("-") || t.contains("_")
                ? Base64.getUrlDecoder().decode(t)
                : Base64.getDecoder().decode(t.endsWith("=") ? t : t + "=");
        return b.length == 32 ? Optional.of(b) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** True when {@code expected} is a checksum Meta gave and {@code actual} differs from it. */
  public static boolean contradicts(String expected, byte[] actual) {
    return parse(expected).map(e -> !MessageDigest.isEqual(e, actual)).orElse(false);
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
