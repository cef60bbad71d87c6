package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a send request must be before anything is queued: an idempotency key of the client's (1–100
 * printable characters), the request's fingerprint (what "the same request again" means: the same
 * content to the same conversation, so a retried key answers with the first message while the same
 * key with another message is refused), and a template's values against its components. Plain
 * functions, tested without a container.
 */
public final class SendChecks {

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

  private SendChecks() {}

  /** Why the key cannot be used, if it cannot. */
  public static Optional<Refusal> keyProblem(String key) {
    return key != null && KEY.matcher(key).matches()
        ? Optional.empty()
        : Optional.of(
            RefusalCode.INVALID_MESSAGE.refuse(
                "a request id (idempotency key) of 1 to 100 printable characters is required"));
  }

  /** A message's fingerprint: its type, the quoted message and Meta's payload for it. */
  public static String fingerprint(OutgoingContent content, Long quotedMessageId) {
    return content.type() + "|" + quotedMessageId + "|" + MetaPayloads.build("-", content, null);
  }

  /**
   * A file's fingerprint: its kind, type, name, caption and the SHA-256 of its bytes (not Meta's
   * media id, which differs for every upload of the same file).
   */
  public static String mediaFingerprint(
      OutgoingContent.MediaKind kind,
      String mimeType,
      String filename,
      String caption,
      byte[] sha256) {
    return "media|"
        + kind
        + "|"
        + mimeType
        + "|"
        + filename
        + "|"
        + caption
        + "|"
        + HexFormat.of().formatHex(sha256);
  }

  /** What the outbox stores beside the key: the hash of the conversation and fingerprint. */
  public static byte[] requestHash(long conversationId, String fingerprint) {
    return sha256().digest((conversationId + "|" + fingerprint).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Why a template's values do not fit its components (JSON as Meta lists them), if they do not.
   */
  public static Optional<Refusal> templateProblem(
      String components, OutgoingContent.Template values) {
    List<String> problems =
        TemplateParameters.problems(
            components(components),
            values.header(),
            values.body(),
            values.buttons(),
            values.headerMedia());
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(RefusalCode.TEMPLATE_PARAMETERS.refuse(String.join("; ", problems)));
  }

  /** A template's components as stored (Meta's JSON array). */
  public static JsonArray components(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
