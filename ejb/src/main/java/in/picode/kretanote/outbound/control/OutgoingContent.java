package in.picode.kretanote.outbound.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an outbound message says, one record per WhatsApp type, each checking Meta's limits when it
 * is made, so a message that Meta would refuse for its shape never enters the outbox. {@link
 * IllegalArgumentException} carries the plain-words problem.
 */
public sealed interface OutgoingContent {

  int TEXT_MAX = 4096;
  int CAPTION_MAX = 1024;
  int INTERACTIVE_BODY_MAX = 1024;

  /** Meta's {@code type}. */
  String type();

  /** What the inbox shows for it. */
  String preview();

  record Text(String body, boolean previewUrl) implements OutgoingContent {
    public Text {
      body = required(body, "The message");
      limit(body, TEXT_MAX, "A text message");
    }

    public String type() {
      return "text";
    }

    public String preview() {
      return body;
    }
  }

  enum MediaKind {
    IMAGE,
    DOCUMENT,
    AUDIO,
    VIDEO;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Media already uploaded to Meta ({@code mediaId}); audio takes no caption. */
  record Media(MediaKind kind, String mediaId, String caption, String filename)
      implements OutgoingContent {
    public Media {
      mediaId = required(mediaId, "The media id");
      caption = checkedCaption(kind, caption, filename);
    }

    public String type() {
      return kind.wire();
    }

    public String preview() {
      return mediaPreview(kind, caption, filename);
    }
  }

  /**
   * Media Meta fetches itself from {@code link} (checked by {@link MediaLinks} first); a document
   * keeps its file name, audio takes no caption.
   */
  record MediaLink(MediaKind kind, String link, String caption, String filename)
      implements OutgoingContent {
    public MediaLink {
      link = required(link, "The media link");
      caption = checkedCaption(kind, caption, filename);
    }

    public String type() {
      return kind.wire();
    }

    public String preview() {
      return mediaPreview(kind, caption, filename);
    }
  }

  record Location(double latitude, double longitude, String name, String address)
      implements OutgoingContent {
    public Location {
      if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
        throw new IllegalArgumentException(
            "A location needs latitude -90..90, longitude -180..180");
      }
      limit(name, 1000, "A location name");
      limit(address, 1000, "An address");
    }

    public String type() {
      return "location";
    }

    public String preview() {
      return name != null ? name : latitude + ", " + longitude;
    }
  }

  record Button(String id, String title) {
    public Button {
      id = required(id, "A button id");
      limit(id, 256, "A button id");
      title = required(title, "A button title");
      limit(title, 20, "A button title");
    }
  }

  /** Up to three reply buttons. */
  record Buttons(String body, List<Button> buttons, String footer) implements OutgoingContent {
    public Buttons {
      body = required(body, "The message");
      limit(body, INTERACTIVE_BODY_MAX, "An interactive message");
      limit(footer, 60, "A footer");
      if (buttons == null || buttons.isEmpty() || buttons.size() > 3) {
        throw new IllegalArgumentException("Reply buttons: 1 to 3 buttons");
      }
      if (buttons.stream().map(Button::id).distinct().count() != buttons.size()) {
        throw new IllegalArgumentException("Reply buttons need different ids");
      }
      buttons = List.copyOf(buttons);
    }

    public String type() {
      return "interactive";
    }

    public String preview() {
      return body;
    }
  }

  record Row(String id, String title, String description) {
    public Row {
      id = required(id, "A row id");
      limit(id, 200, "A row id");
      title = required(title, "A row title");
      limit(title, 24, "A row title");
      limit(description, 72, "A row description");
    }
  }

  record Section(String title, List<Row> rows) {
    public Section {
      limit(title, 24, "A section title");
      if (rows == null || rows.isEmpty()) {
        throw new IllegalArgumentException("A list section needs at least one row");
      }
      rows = List.copyOf(rows);
    }
  }

  /** A list message: a button opening up to 10 rows in up to 10 sections. */
  record ListMessage(String body, String buttonText, List<Section> sections, String footer)
      implements OutgoingContent {
    public ListMessage {
      body = required(body, "The message");
      limit(body, 4096, "A list message");
      buttonText = required(buttonText, "The list button text");
      limit(buttonText, 20, "The list button text");
      limit(footer, 60, "A footer");
      if (sections == null || sections.isEmpty() || sections.size() > 10) {
        throw new IllegalArgumentException("A list has 1 to 10 sections");
      }
      long rows = sections.stream().mapToLong(s -> s.rows().size()).sum();
      if (rows > 10) {
        throw new IllegalArgumentException("A list has at most 10 rows in all");
      }
      if (sections.size() > 1 && sections.stream().anyMatch(s -> s.title() == null)) {
        throw new IllegalArgumentException("Each section of a list with several needs a title");
      }
      sections = List.copyOf(sections);
    }

    public String type() {
      return "interactive";
    }

    public String preview() {
      return body;
    }
  }

  /** An emoji on a message of the conversation; an empty emoji removes the reaction. */
  record Reaction(String targetWamid, String emoji) implements OutgoingContent {
    public Reaction {
      targetWamid = required(targetWamid, "The message to react to");
      emoji = emoji == null ? "" : emoji.strip();
      if (emoji.codePointCount(0, emoji.length()) > 8) {
        throw new IllegalArgumentException("A reaction is one emoji");
      }
    }

    public String type() {
      return "reaction";
    }

    public String preview() {
      return emoji.isEmpty() ? "(reaction removed)" : emoji;
    }
  }

  /**
   * An approved template with its values: header (TEXT headers), body, and per button index the
   * values of URL and copy-code buttons; {@code headerMedia} fills an IMAGE, VIDEO or DOCUMENT
   * header (a media id or an https link). Values go in the placeholders' order: {{1}}..{{n}}, or a
   * NAMED template's names in the order they first appear ({@link MetaPayloads} names them).
   */
  record Template(
      String name,
      String language,
      List<String> header,
      List<String> body,
      Map<Integer, List<String>> buttons,
      HeaderMedia headerMedia)
      implements OutgoingContent {
    public Template {
      name = required(name, "The template name");
      language = required(language, "The template language");
      header = header == null ? List.of() : List.copyOf(header);
      body = body == null ? List.of() : List.copyOf(body);
      buttons = buttons == null ? Map.of() : Map.copyOf(buttons);
    }

    public Template(
        String name,
        String language,
        List<String> header,
        List<String> body,
        Map<Integer, List<String>> buttons) {
      this(name, language, header, body, buttons, null);
    }

    public String type() {
      return "template";
    }

    public String preview() {
      return "[template " + name + "] " + String.join(" | ", body);
    }
  }

  /** A template's media header: an uploaded media id, or an https link Meta fetches. */
  record HeaderMedia(MediaKind kind, String id, String link) {
    public HeaderMedia {
      java.util.Objects.requireNonNull(kind, "kind");
      if (kind == MediaKind.AUDIO) {
        throw new IllegalArgumentException("A template header is an image, a video or a document");
      }
      if ((id == null || id.isBlank()) == (link == null || link.isBlank())) {
        throw new IllegalArgumentException("A header media is a media id or a link, one of them");
      }
      if (id != null && !id.matches("[0-9]{1,40}")) {
        throw new IllegalArgumentException("Not a media id");
      }
      if (link != null
          && (!link.startsWith("https://")
              || link.length() > 2000
              || link.chars().anyMatch(Character::isWhitespace))) {
        throw new IllegalArgumentException("A header media link starts with https://");
      }
    }
  }

  /** A media message's caption: blank is none, audio takes none; caption and name within limits. */
  private static String checkedCaption(MediaKind kind, String caption, String filename) {
    Objects.requireNonNull(kind, "kind");
    String c = caption != null && caption.isBlank() ? null : caption;
    if (c != null && kind == MediaKind.AUDIO) {
      throw new IllegalArgumentException("Audio messages take no caption");
    }
    limit(c, CAPTION_MAX, "A caption");
    limit(filename, 240, "A file name");
    return c;
  }

  private static String mediaPreview(MediaKind kind, String caption, String filename) {
    return caption != null ? caption : filename != null ? filename : "[" + kind.wire() + "]";
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return value;
  }

  private static void limit(String value, int max, String what) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          what + " has " + value.length() + " characters, at most " + max);
    }
  }
}
