package in.picode.kretanote.outbound.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an outbound message says, one record per WhatsApp type, each checking Meta's limits when it
 * is made, so a message that Meta would refuse for its shape never enters the outbox. {@link
 * IllegalArgumentException} carries the plain-words problem.
 */
public sealed interface OutgoingContent {

  int TEXT_MAX = 4096;
  int CAPTION_MAX = 1024;
  int INTERACTIVE_BODY_MAX = 1024;
  int LIST_BODY_MAX = 4096;
  int FOOTER_MAX = 60;
  int BUTTONS_MAX = 3;
  int BUTTON_TITLE_MAX = 20;
  int LIST_BUTTON_MAX = 20;
  int ROWS_MAX = 10;
  int ROW_TITLE_MAX = 24;
  int ROW_DESCRIPTION_MAX = 72;
  int PLACE_MAX = 1000;
  int CARD_FIELD_MAX = 200;
  java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9][0-9 ()\\-]{5,20}$");
  java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** Meta's {@code type}. */
  String type();

  /** What the inbox shows for it. */
  String preview();

  record Text(String body, boolean previewUrl) implements OutgoingContent {
    public Text {
      if (body == null || body.isBlank()) {
        throw ContentChecks.invalid("bodyEmpty");
      }
      ContentChecks.limitTo(body, TEXT_MAX, "bodyTooLong");
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
      mediaId = ContentChecks.required(mediaId, "The media id");
      caption = ContentChecks.checkedCaption(kind, caption, filename);
    }

    public String type() {
      return kind.wire();
    }

    public String preview() {
      return ContentChecks.mediaPreview(kind, caption, filename);
    }
  }

  /**
   * Media Meta fetches itself from {@code link} (checked by {@link MediaLinks} first); a document
   * keeps its file name, audio takes no caption.
   */
  record MediaLink(MediaKind kind, String link, String caption, String filename)
      implements OutgoingContent {
    public MediaLink {
      link = ContentChecks.required(link, "The media link");
      caption = ContentChecks.checkedCaption(kind, caption, filename);
    }

    public String type() {
      return kind.wire();
    }

    public String preview() {
      return ContentChecks.mediaPreview(kind, caption, filename);
    }
  }

  /** A place on a map; Meta shows the name and address under it when given. */
  record Location(double latitude, double longitude, String name, String address)
      implements OutgoingContent {
    public Location {
      ContentChecks c = new ContentChecks();
      if (!(latitude >= -90 && latitude <= 90)) {
        c.add("latitude", latitude);
      }
      if (!(longitude >= -180 && longitude <= 180)) {
        c.add("longitude", longitude);
      }
      name = ContentChecks.blankToNull(name);
      address = ContentChecks.blankToNull(address);
      c.length(name, PLACE_MAX, "placeNameTooLong");
      c.length(address, PLACE_MAX, "addressTooLong");
      c.done();
    }

    public String type() {
      return "location";
    }

    public String preview() {
      return "📍 " + (name != null ? name : latitude + ", " + longitude);
    }
  }

  /** A reply button: {@code id} comes back in the customer's answer, {@code title} is shown. */
  record Button(String id, String title) {
    public Button {
      id = id == null || id.isBlank() ? title : id;
    }
  }

  /** Up to three reply buttons under a body, with an optional footer. */
  record Buttons(String body, List<Button> buttons, String footer) implements OutgoingContent {
    public Buttons {
      ContentChecks c = new ContentChecks();
      c.body(body, INTERACTIVE_BODY_MAX);
      footer = ContentChecks.blankToNull(footer);
      c.length(footer, FOOTER_MAX, "footerTooLong");
      int n = buttons == null ? 0 : buttons.size();
      if (n < 1 || n > BUTTONS_MAX) {
        c.add("buttonsCount", n);
      }
      for (int i = 0; i < n; i++) {
        Button b = buttons.get(i);
        if (b == null || b.title() == null || b.title().isBlank()) {
          c.add("buttonTitleEmpty", i + 1);
          continue;
        }
        c.numbered(b.title(), BUTTON_TITLE_MAX, "buttonTitleTooLong", i + 1);
        c.numbered(b.id(), 256, "buttonIdTooLong", i + 1);
      }
      if (n > 0 && buttons.stream().allMatch(b -> b != null && b.title() != null)) {
        if (buttons.stream().map(b -> b.title().strip()).distinct().count() != n
            || buttons.stream().map(Button::id).distinct().count() != n) {
          c.add("buttonsSame");
        }
      }
      c.done();
      buttons = List.copyOf(buttons);
    }

    public String type() {
      return "interactive";
    }

    public String preview() {
      return body;
    }
  }

  /** A list row; without an id its title is the id. */
  record Row(String id, String title, String description) {
    public Row {
      id = id == null || id.isBlank() ? title : id;
      description = ContentChecks.blankToNull(description);
    }
  }

  record Section(String title, List<Row> rows) {}

  /** A list message: a button opening up to 10 rows in up to 10 sections. */
  record ListMessage(String body, String buttonText, List<Section> sections, String footer)
      implements OutgoingContent {
    public ListMessage {
      ContentChecks c = new ContentChecks();
      c.body(body, LIST_BODY_MAX);
      if (buttonText == null || buttonText.isBlank()) {
        c.add("listButtonEmpty");
      } else {
        c.length(buttonText, LIST_BUTTON_MAX, "listButtonTooLong");
      }
      footer = ContentChecks.blankToNull(footer);
      c.length(footer, FOOTER_MAX, "footerTooLong");
      int sectionCount = sections == null ? 0 : sections.size();
      if (sectionCount < 1 || sectionCount > 10) {
        c.add("sectionsCount", sectionCount);
      }
      List<Row> all = new java.util.ArrayList<>();
      for (int s = 0; s < sectionCount; s++) {
        Section section = sections.get(s);
        if (section.title() == null && sectionCount > 1) {
          c.add("sectionTitleMissing");
        }
        c.numbered(section.title(), ROW_TITLE_MAX, "sectionTitleTooLong", s + 1);
        if (section.rows() == null || section.rows().isEmpty()) {
          if (sectionCount > 1) {
            c.add("sectionEmpty", s + 1);
          }
        } else {
          all.addAll(section.rows());
        }
      }
      if (sectionCount > 0 && (all.isEmpty() || all.size() > ROWS_MAX)) {
        c.add("rowsCount", all.size());
      }
      for (int i = 0; i < all.size(); i++) {
        Row r = all.get(i);
        if (r == null || r.title() == null || r.title().isBlank()) {
          c.add("rowTitleEmpty", i + 1);
          continue;
        }
        c.numbered(r.title(), ROW_TITLE_MAX, "rowTitleTooLong", i + 1);
        c.numbered(r.description(), ROW_DESCRIPTION_MAX, "rowDescriptionTooLong", i + 1);
        c.numbered(r.id(), 200, "rowIdTooLong", i + 1);
      }
      if (all.stream().allMatch(r -> r != null && r.title() != null && r.id() != null)
          && (all.stream().map(Row::id).distinct().count() != all.size()
              || all.stream().map(r -> r.title().strip()).distinct().count() != all.size())) {
        c.add("rowsSame");
      }
      c.done();
      sections = sections.stream().map(x -> new Section(x.title(), List.copyOf(x.rows()))).toList();
    }

    public String type() {
      return "interactive";
    }

    public String preview() {
      return body;
    }
  }

  /**
   * A contact card (Meta's {@code contacts} message with one card): a name, and a phone number or
   * an email (or both) the customer can save; the company is optional.
   */
  record ContactCard(String name, String phone, String email, String company)
      implements OutgoingContent {
    public ContactCard {
      ContentChecks c = new ContentChecks();
      name = ContentChecks.blankToNull(name);
      phone = ContentChecks.blankToNull(phone);
      email = ContentChecks.blankToNull(email);
      company = ContentChecks.blankToNull(company);
      if (name == null) {
        c.add("contactNameEmpty");
      } else {
        c.length(name, CARD_FIELD_MAX, "contactNameTooLong");
      }
      if (phone != null && !PHONE.matcher(phone).matches()) {
        c.add("contactPhoneInvalid", phone);
      }
      if (email != null && (email.length() > CARD_FIELD_MAX || !EMAIL.matcher(email).matches())) {
        c.add("contactEmailInvalid", email);
      }
      c.length(company, CARD_FIELD_MAX, "contactOrgTooLong");
      if (phone == null && email == null) {
        c.add("contactNeedsReach");
      }
      c.done();
    }

    public String type() {
      return "contacts";
    }

    public String preview() {
      return "👤 " + name;
    }
  }

  /** An emoji on a message of the conversation; an empty emoji removes the reaction. */
  record Reaction(String targetWamid, String emoji) implements OutgoingContent {
    public Reaction {
      targetWamid = ContentChecks.required(targetWamid, "The message to react to");
      emoji = emoji == null ? "" : emoji.strip();
      if (emoji.codePointCount(0, emoji.length()) > 8) {
        throw new InvalidContentException(List.of(ContentProblem.of("reactionNotEmoji")));
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
      name = ContentChecks.required(name, "The template name");
      language = ContentChecks.required(language, "The template language");
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
        throw ContentChecks.invalid("headerMediaKind");
      }
      if ((id == null || id.isBlank()) == (link == null || link.isBlank())) {
        throw ContentChecks.invalid("headerMediaSource");
      }
      if (id != null && !id.matches("[0-9]{1,40}")) {
        throw ContentChecks.invalid("headerMediaId");
      }
      if (link != null
          && (!link.startsWith("https://")
              || link.length() > 2000
              || link.chars().anyMatch(Character::isWhitespace))) {
        throw ContentChecks.invalid("headerMediaLink");
      }
    }
  }
}
