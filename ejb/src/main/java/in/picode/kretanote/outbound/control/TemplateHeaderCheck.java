package in.picode.kretanote.outbound.control;

import in.picode.kretanote.outbound.boundary.TemplateDraft;
import in.picode.kretanote.outbound.boundary.TemplateDraft.HeaderFormat;
import in.picode.kretanote.outbound.boundary.TemplateWords;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
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

  /** The HEADER component, or {@link InvalidDraftException} with the sentences a user reads. */
  public static JsonObjectBuilder component(
      String header, HeaderFormat headerFormat, TemplateDraft.Sample sample) {
    if (headerFormat == HeaderFormat.TEXT) {
      if (header == null) {
        throw new InvalidDraftException(TemplateWords.HEADER_TEXT_MISSING.with());
      }
      if (header.length() > TemplateDraft.HEADER_MAX) {
        throw new InvalidDraftException(
            TemplateWords.HEADER_TOO_LONG.with(TemplateDraft.HEADER_MAX));
      }
      if (DraftText.hasPlaceholder(header)) {
        throw new InvalidDraftException(TemplateWords.HEADER_PLACEHOLDERS.with());
      }
      return Jsons.createObjectBuilder()
          .add("type", "HEADER")
          .add("format", "TEXT")
          .add("text", header);
    }
    Wording kind = kind(headerFormat);
    if (header != null) {
      throw new InvalidDraftException(TemplateWords.MEDIA_HEADER_TEXT.with(kind));
    }
    if (sample == null || sample.size() <= 0) {
      throw new InvalidDraftException(TemplateWords.SAMPLE_MISSING.with(kind));
    }
    String type = sample.mimeType() == null ? "" : sample.mimeType().toLowerCase(Locale.ROOT);
    List<Wording> problems = new ArrayList<>();
    if (!headerFormat.types().contains(type)) {
      String types = String.join(", ", headerFormat.types());
      problems.add(
          type.isEmpty()
              ? TemplateWords.SAMPLE_TYPE_UNKNOWN.with(kind, types)
              : TemplateWords.SAMPLE_TYPE.with(kind, types, type));
    }
    if (sample.size() > headerFormat.maxBytes()) {
      problems.add(
          TemplateWords.SAMPLE_SIZE.with(
              megabytes(sample.size()), kind, megabytes(headerFormat.maxBytes())));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDraftException(problems);
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

  /** The media kind as a word of the reader's language. */
  private static Wording kind(HeaderFormat format) {
    return switch (format) {
      case VIDEO -> TemplateWords.KIND_VIDEO.with();
      case DOCUMENT -> TemplateWords.KIND_DOCUMENT.with();
      default -> TemplateWords.KIND_IMAGE.with();
    };
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
  }
}
