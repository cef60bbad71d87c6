package in.picode.kretanote.outbound.control;

import in.picode.kretanote.outbound.control.OutgoingContent.MediaKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's rules for media a business sends (Cloud API "supported media types"): which types each
 * kind accepts and how big a file may be. Checked before anything is uploaded, so a file Meta would
 * refuse costs no upload and leaves nothing behind; the problem comes back in plain words. Images
 * must also start like the type they claim, because Meta fails a mislabelled image only later, at
 * delivery.
 */
public final class MediaRules {

  static final long MB = 1L << 20;

  private static final Map<MediaKind, Set<String>> TYPES =
      Map.of(
          MediaKind.IMAGE,
          Set.of("image/jpeg", "image/png"),
          MediaKind.DOCUMENT,
          Set.of(
              "text/plain",
              "application/pdf",
              "application/msword",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.ms-excel",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "application/vnd.ms-powerpoint",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          MediaKind.AUDIO,
          Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"),
          MediaKind.VIDEO,
          Set.of("video/mp4", "video/3gpp"));

  private static final Map<MediaKind, Long> MAX =
      Map.of(
          MediaKind.IMAGE, 5 * MB,
          MediaKind.DOCUMENT, 100 * MB,
          MediaKind.AUDIO, 16 * MB,
          MediaKind.VIDEO, 16 * MB);

  /** File name endings browsers often send as {@code application/octet-stream}. */
  private static final Map<String, String> BY_ENDING =
      Map.ofEntries(
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("txt", "text/plain"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("doc", "application/msword"),
          Map.entry(
              "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("xls", "application/vnd.ms-excel"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry("ppt", "application/vnd.ms-powerpoint"),
          Map.entry(
              "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          Map.entry("aac", "audio/aac"),
          Map.entry("amr", "audio/amr"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("opus", "audio/ogg"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("3gp", "video/3gpp"));

  /** What a file is sent as. */
  public record Accepted(MediaKind kind, String mimeType) {}

  private MediaRules() {}

  /**
   * The kind and type of a file an agent attached: the browser's type when Meta accepts it, else
   * the one its name ends with. Empty when Meta takes neither.
   */
  public static Optional<Accepted> classify(String fileName, String declaredType) {
    String declared = base(declaredType);
    Optional<MediaKind> kind = kindOf(declared);
    if (kind.isPresent()) {
      return Optional.of(new Accepted(kind.get(), declared));
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String byEnding = dot < 0 ? null : BY_ENDING.get(name.substring(dot + 1));
    return byEnding == null
        ? Optional.empty()
        : kindOf(byEnding).map(k -> new Accepted(k, byEnding));
  }

  /** How many leading bytes {@link #problem(MediaKind, String, long, byte[])} looks at. */
  public static final int HEAD = 8;

  /** The plain-words problem with sending {@code bytes} as {@code kind} and type, if any. */
  public static Optional<String> problem(MediaKind kind, String mimeType, byte[] bytes) {
    return problem(
        kind,
        mimeType,
        bytes == null ? 0 : bytes.length,
        bytes == null ? new byte[0] : java.util.Arrays.copyOf(bytes, Math.min(HEAD, bytes.length)));
  }

  /**
   * The plain-words problem with sending a file of {@code size} bytes that starts with {@code head}
   * (its first {@link #HEAD} bytes, fewer when the file is shorter), if any: the file itself is
   * never read whole.
   */
  public static Optional<String> problem(MediaKind kind, String mimeType, long size, byte[] head) {
    String type = base(mimeType);
    if (kind == null || !TYPES.get(kind).contains(type)) {
      return Optional.of(
          "WhatsApp does not accept this type of file"
              + (type.isEmpty() ? "" : " (" + type + ")")
              + ". "
              + ACCEPTED);
    }
    if (size <= 0) {
      return Optional.of("The file is empty.");
    }
    long max = MAX.get(kind);
    if (size > max) {
      return Optional.of(tooBig(kind, size));
    }
    if (kind == MediaKind.IMAGE && !looksLike(type, head)) {
      return Optional.of(
          "The file is not a " + (type.endsWith("png") ? "PNG" : "JPEG") + " image.");
    }
    return Optional.empty();
  }

  /** The refusal for a file of {@code size} bytes, or null when the size is within the limit. */
  public static String sizeProblem(MediaKind kind, long size) {
    return size > MAX.get(kind) ? tooBig(kind, size) : null;
  }

  public static long maxBytes(MediaKind kind) {
    return MAX.get(kind);
  }

  /** The largest file of any kind (documents). */
  public static long largest() {
    return MAX.values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  public static final String ACCEPTED =
      "You can send images (JPEG, PNG, up to 5 MB), documents (PDF, Word, Excel, PowerPoint, text,"
          + " up to 100 MB), audio (AAC, AMR, MP3, M4A, OGG, up to 16 MB) and video (MP4, 3GP, up"
          + " to 16 MB).";

  private static String tooBig(MediaKind kind, long size) {
    return "The file has "
        + megabytes(size)
        + "; WhatsApp takes "
        + kind.wire()
        + (kind == MediaKind.AUDIO ? "" : "s")
        + " of at most "
        + MAX.get(kind) / MB
        + " MB.";
  }

  private static String megabytes(long size) {
    return String.format(Locale.ROOT, "%.1f MB", size / (double) MB);
  }

  private static Optional<MediaKind> kindOf(String type) {
    return TYPES.entrySet().stream()
        .filter(e -> e.getValue().contains(type))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static String base(String mimeType) {
    if (mimeType == null) {
      return "";
    }
    int semicolon = mimeType.indexOf(';');
    return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static boolean looksLike(String type, byte[] b) {
    if (type.equals("image/png")) {
      return b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }
    return b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }
}
