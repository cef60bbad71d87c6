package in.picode.kretanote.tenant.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One-time recovery codes for a user who lost the authenticator: ten codes of ten characters from
 * an alphabet without look-alikes (about 50 bits each), shown once and stored only as SHA-256
 * hashes. A random code of that strength needs no slow hash: guessing is bounded by the sign-in
 * throttle, not by hashing cost.
 */
public final class RecoveryCodes {

  public static final int COUNT = 10;
  static final int LENGTH = 10;
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodes() {}

  /** New codes, formatted {@code xxxxx-xxxxx} for reading aloud and typing. */
  public static List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      StringBuilder code = new StringBuilder(LENGTH + 1);
      for (int c = 0; c < LENGTH; c++) {
        if (c == LENGTH / 2) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** The stored form of a list of codes: their hashes, comma-separated. */
  public static String hashes(List<String> codes) {
    return codes.stream().map(RecoveryCodes::hash).collect(Collectors.joining(","));
  }

  /**
   * The stored hashes without the one the typed code matches, or empty when it matches none (so a
   * used code is gone from the result the caller stores).
   */
  public static Optional<String> consume(String storedHashes, String typed) {
    if (storedHashes == null || storedHashes.isEmpty() || typed == null) {
      return Optional.empty();
    }
    String candidate = hash(typed);
    List<String> remaining = new ArrayList<>(Arrays.asList(storedHashes.split(",")));
    for (int i = 0; i < remaining.size(); i++) {
      if (MessageDigest.isEqual(
          remaining.get(i).getBytes(StandardCharsets.US_ASCII),
          candidate.getBytes(StandardCharsets.US_ASCII))) {
        remaining.remove(i);
        return Optional.of(String.join(",", remaining));
      }
    }
    return Optional.empty();
  }

  public static int remaining(String storedHashes) {
    return storedHashes == null || storedHashes.isEmpty() ? 0 : storedHashes.split(",").length;
  }

  static String hash(String code) {
    String normalized = code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(normalized.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
