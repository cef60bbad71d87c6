package in.picode.kretanote.outbound.control;

import in.picode.kretanote.outbound.boundary.TemplateDraft;
import in.picode.kretanote.outbound.boundary.TemplateDraft.HeaderFormat;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template draft's header, checked with Meta's limits: a TEXT header of 60 characters without
 * placeholders, or a media header (IMAGE, VIDEO, DOCUMENT) without text whose sample file has the
 * kind's type and size.
 */
public final class TemplateHeaderCheck {

  private TemplateHeaderCheck() {}

  /** The HEADER component, or {@link IllegalArgumentException} with a sentence a user reads. */
  public static JsonObjectBuilder component(
      String header, HeaderFormat headerFormat, TemplateDraft.Sample sample) {
    if (headerFormat == HeaderFormat.TEXT) {
      if (header == null) {
        throw new IllegalArgumentException("A text header needs its text.");
      }
      if (header.length() > TemplateDraft.HEADER_MAX) {
        throw new IllegalArgumentException(
            "The header has at most " + TemplateDraft.HEADER_MAX + " characters.");
      }
      if (DraftText.hasPlaceholder(header)) {
        throw new IllegalArgumentException("The header cannot have placeholders here.");
      }
      return Jsons.createObjectBuilder()
          .add("type", "HEADER")
          .add("format", "TEXT")
          .add("text", header);
    }
    String kind = headerFormat.name().toLowerCase(Locale.ROOT);
    if (header != null) {
      throw new IllegalArgumentException("A " + kind + " header has no text.");
    }
    if (sample == null || sample.size() <= 0) {
      throw new IllegalArgumentException(
          "Meta requires a sample " + kind + " for a " + kind + " header: choose a file.");
    }
    String type = sample.mimeType() == null ? "" : sample.mimeType().toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    if (!headerFormat.types().contains(type)) {
      problems.add(
          "A "
              + kind
              + " header's sample is "
              + String.join(" or ", headerFormat.types())
              + ", not "
              + (type.isEmpty() ? "an unknown type" : type)
              + ".");
    }
    if (sample.size() > headerFormat.maxBytes()) {
      problems.add(
          "The sample has "
              + megabytes(sample.size())
              + ", a "
              + kind
              + " header's at most "
              + megabytes(headerFormat.maxBytes())
              + ".");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    JsonObjectBuilder b =
        Jsons.createObjectBuilder().add("type", "HEADER").add("format", headerFormat.name());
    if (sample.handle() != null) {
      b.add(
          "example",
          Jsons.createObjectBuilder()
              .add("header_handle", Jsons.createArrayBuilder().add(sample.handle())));
    }
    return b;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
  }
}
