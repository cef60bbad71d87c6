package in.picode.kretanote.outbound.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One thing Meta would refuse in a message, as a {@link #code} the pages translate (bundle key
 * {@code compose.problem.<code>}, arguments {@link #args} in MessageFormat order) and an English
 * sentence for the API and the logs. Row and button numbers count from 1, as the agent sees them.
 */
public record ContentProblem(String code, List<Object> args) {

  private static final Map<String, String> ENGLISH =
      Map.ofEntries(
          Map.entry("bodyEmpty", "The message text is empty"),
          Map.entry("bodyTooLong", "The message text has {0} characters, at most {1}"),
          Map.entry("footerTooLong", "The footer has {0} characters, at most {1}"),
          Map.entry("buttonsCount", "Reply buttons: 1 to 3 buttons, not {0}"),
          Map.entry("buttonTitleEmpty", "Button {0} has no title"),
          Map.entry("buttonTitleTooLong", "Button {0}''s title has {1} characters, at most {2}"),
          Map.entry("buttonIdTooLong", "Button {0}''s id has {1} characters, at most {2}"),
          Map.entry("buttonsSame", "Two buttons have the same title or id"),
          Map.entry("listButtonEmpty", "The list button text is empty"),
          Map.entry("listButtonTooLong", "The list button text has {0} characters, at most {1}"),
          Map.entry("sectionsCount", "A list has 1 to 10 sections, not {0}"),
          Map.entry("sectionTitleMissing", "Each section of a list with several needs a title"),
          Map.entry("sectionTitleTooLong", "Section {0}''s title has {1} characters, at most {2}"),
          Map.entry("sectionEmpty", "Section {0} has no rows"),
          Map.entry("rowsCount", "A list has 1 to 10 rows in all, not {0}"),
          Map.entry("rowTitleEmpty", "Row {0} has no title"),
          Map.entry("rowTitleTooLong", "Row {0}''s title has {1} characters, at most {2}"),
          Map.entry(
              "rowDescriptionTooLong", "Row {0}''s description has {1} characters, at most {2}"),
          Map.entry("rowIdTooLong", "Row {0}''s id has {1} characters, at most {2}"),
          Map.entry("rowsSame", "Two rows have the same title or id"),
          Map.entry("latitude", "The latitude must be between -90 and 90, not {0}"),
          Map.entry("longitude", "The longitude must be between -180 and 180, not {0}"),
          Map.entry("placeNameTooLong", "The place name has {0} characters, at most {1}"),
          Map.entry("addressTooLong", "The address has {0} characters, at most {1}"),
          Map.entry("contactNameEmpty", "The contact card needs a name"),
          Map.entry("contactNameTooLong", "The contact''s name has {0} characters, at most {1}"),
          Map.entry("contactPhoneInvalid", "The contact''s phone number {0} is not a phone number"),
          Map.entry("contactEmailInvalid", "The contact''s email {0} is not an email address"),
          Map.entry("contactOrgTooLong", "The company has {0} characters, at most {1}"),
          Map.entry("contactNeedsReach", "The contact card needs a phone number or an email"),
          Map.entry("reactionNotEmoji", "A reaction is one emoji"),
          Map.entry("reactionTarget", "The message to react to is not in this conversation"),
          Map.entry("quotedUnknown", "The quoted message is not in this conversation"),
          Map.entry("captionAudio", "Audio messages take no caption"),
          Map.entry("captionTooLong", "The caption has {0} characters, at most {1}"),
          Map.entry("fileNameTooLong", "The file name has {0} characters, at most {1}"),
          Map.entry("headerMediaNone", "The template has no media header"),
          Map.entry("headerMediaKind", "A template header is an image, a video or a document"),
          Map.entry("headerMediaSource", "A header media is a media id or a link, one of them"),
          Map.entry("headerMediaId", "The header media id is not a media id"),
          Map.entry("headerMediaLink", "A header media link starts with https://"));

  public ContentProblem {
    if (!ENGLISH.containsKey(code)) {
      throw new IllegalArgumentException("Unknown problem " + code);
    }
    args = List.copyOf(args);
  }

  public static ContentProblem of(String code, Object... args) {
    return new ContentProblem(code, List.of(args));
  }

  /** Every code, for the bundle test that each locale words each one. */
  public static java.util.Set<String> codes() {
    return ENGLISH.keySet();
  }

  /** The English sentence; counts without a thousands separator, as the API has always said. */
  public String english() {
    Object[] shown = args.stream().map(a -> a instanceof Number ? String.valueOf(a) : a).toArray();
    return new MessageFormat(ENGLISH.get(code), Locale.ROOT).format(shown);
  }
}
