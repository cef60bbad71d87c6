package in.picode.kretanote.outbound.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checks {@link OutgoingContent}'s records run when they are made: an instance collects every
 * problem of one message in codes the pages translate and throws them together ({@link
 * InvalidContentException}); the static checks throw the first problem in plain words ({@link
 * IllegalArgumentException}).
 */
final class ContentChecks {
  private final List<ContentProblem> problems = new ArrayList<>();

  void add(String code, Object... args) {
    problems.add(ContentProblem.of(code, args));
  }

  void body(String body, int max) {
    if (body == null || body.isBlank()) {
      add("bodyEmpty");
    } else {
      length(body, max, "bodyTooLong");
    }
  }

  void length(String value, int max, String code) {
    if (value != null && value.length() > max) {
      add(code, value.length(), max);
    }
  }

  void numbered(String value, int max, String code, int number) {
    if (value != null && value.length() > max) {
      add(code, number, value.length(), max);
    }
  }

  void done() {
    if (!problems.isEmpty()) {
      throw new InvalidContentException(problems);
    }
  }

  /** A media message's caption: blank is none, audio takes none; caption and name within limits. */
  static String checkedCaption(OutgoingContent.MediaKind kind, String caption, String filename) {
    Objects.requireNonNull(kind, "kind");
    String c = caption != null && caption.isBlank() ? null : caption;
    if (c != null && kind == OutgoingContent.MediaKind.AUDIO) {
      throw invalid("captionAudio");
    }
    limitTo(c, OutgoingContent.CAPTION_MAX, "captionTooLong");
    limitTo(filename, 240, "fileNameTooLong");
    return c;
  }

  static String mediaPreview(OutgoingContent.MediaKind kind, String caption, String filename) {
    return caption != null ? caption : filename != null ? filename : "[" + kind.wire() + "]";
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return value;
  }

  /** One problem a page shows in the reader's language ({@link ContentProblem}'s code). */
  static InvalidContentException invalid(String code, Object... args) {
    return new InvalidContentException(List.of(ContentProblem.of(code, args)));
  }

  /** A value within {@code max} characters, else the problem {@code code} (length, max). */
  static void limitTo(String value, int max, String code) {
    if (value != null && value.length() > max) {
      throw invalid(code, value.length(), max);
    }
  }
}
