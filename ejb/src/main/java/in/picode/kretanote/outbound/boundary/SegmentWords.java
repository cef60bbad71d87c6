package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Who a campaign goes to, in words: each part of a segment as a code (the campaign list). */
public enum SegmentWords implements Wording.Code {
  ANY_TAG("any tag of {0}"),
  ONE_TAG("tag {0}"),
  ALL_TAGS("all tags of {0}"),
  NO_TAGS("none of the tags {0}"),
  ONE_LABEL("a conversation label"),
  LABELS("one of {0,number,integer} labels"),
  CONDITIONS("{0,choice,1#1 field condition|1<{0,number,integer} field conditions}"),
  WROTE_WITHIN("wrote within {0,number,integer} days"),
  SILENT_FOR("no message for {0,number,integer} days"),
  ALL_WITH_CONSENT("all contacts with marketing consent"),
  WITH_CONSENT("{0} with marketing consent"),
  LIST("{0}, {1}");

  private final String pattern;

  SegmentWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }

  /**
   * {@code s} in words: its parts worded by {@code words} (the reader's language, or English),
   * joined with {@code comma}; tags are quoted as they were written.
   */
  public static String describe(CampaignSegment s, Function<Wording, String> words, String comma) {
    List<String> parts = new ArrayList<>();
    if (!s.anyTags().isEmpty()) {
      parts.add(words.apply(ANY_TAG.with(quoted(s.anyTags(), comma))));
    }
    if (s.allTags().size() == 1) {
      parts.add(words.apply(ONE_TAG.with(quoted(s.allTags(), comma))));
    } else if (!s.allTags().isEmpty()) {
      parts.add(words.apply(ALL_TAGS.with(quoted(s.allTags(), comma))));
    }
    if (!s.noTags().isEmpty()) {
      parts.add(words.apply(NO_TAGS.with(quoted(s.noTags(), comma))));
    }
    if (!s.labels().isEmpty()) {
      parts.add(
          words.apply(s.labels().size() == 1 ? ONE_LABEL.with() : LABELS.with(s.labels().size())));
    }
    if (!s.conditions().isEmpty()) {
      parts.add(words.apply(CONDITIONS.with(s.conditions().size())));
    }
    if (s.activity() != null) {
      parts.add(
          words.apply(
              (s.activity().within() ? WROTE_WITHIN : SILENT_FOR).with(s.activity().days())));
    }
    String joined = String.join(comma, parts);
    if (s.marketingConsent()) {
      return words.apply(joined.isEmpty() ? ALL_WITH_CONSENT.with() : WITH_CONSENT.with(joined));
    }
    return joined;
  }

  /**
   * {@code s} as one wording, for a sentence about the segment (worded in the sentence's language;
   * its parts and lists joined with {@link #LIST}, so a language has its own comma). Its English is
   * {@link #describe} in English.
   */
  public static Wording of(CampaignSegment s) {
    List<Wording> parts = new ArrayList<>();
    if (!s.anyTags().isEmpty()) {
      parts.add(ANY_TAG.with(quoted(s.anyTags())));
    }
    if (s.allTags().size() == 1) {
      parts.add(ONE_TAG.with(quoted(s.allTags())));
    } else if (!s.allTags().isEmpty()) {
      parts.add(ALL_TAGS.with(quoted(s.allTags())));
    }
    if (!s.noTags().isEmpty()) {
      parts.add(NO_TAGS.with(quoted(s.noTags())));
    }
    if (!s.labels().isEmpty()) {
      parts.add(s.labels().size() == 1 ? ONE_LABEL.with() : LABELS.with(s.labels().size()));
    }
    if (!s.conditions().isEmpty()) {
      parts.add(CONDITIONS.with(s.conditions().size()));
    }
    if (s.activity() != null) {
      parts.add((s.activity().within() ? WROTE_WITHIN : SILENT_FOR).with(s.activity().days()));
    }
    if (s.marketingConsent()) {
      return parts.isEmpty() ? ALL_WITH_CONSENT.with() : WITH_CONSENT.with(list(parts));
    }
    return parts.isEmpty() ? Wording.unworded("") : (Wording) list(parts);
  }

  /** The items one after the other ("a, b, c"): the one item itself, else nested {@link #LIST}s. */
  private static Object list(List<?> items) {
    Object out = items.get(items.size() - 1);
    for (int i = items.size() - 2; i >= 0; i--) {
      out = LIST.with(items.get(i), out);
    }
    return out;
  }

  private static Object quoted(List<String> tags) {
    return list(tags.stream().map(t -> "\u201c" + t + "\u201d").toList());
  }

  private static String quoted(List<String> tags, String comma) {
    return String.join(comma, tags.stream().map(t -> "\u201c" + t + "\u201d").toList());
  }
}
