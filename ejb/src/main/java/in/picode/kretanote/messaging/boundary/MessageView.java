package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.control.DeliveryFailures;
import in.picode.kretanote.platform.boundary.Wording;
import java.time.Instant;
import java.util.List;

/**
 * A message as the conversation page shows it. {@code text} is the customer's untrusted text and is
 * only ever rendered escaped; {@code quoted} is the start of the message it replies to. {@code
 * fromPhone}: the business sent it from the WhatsApp Business app on the same number; {@code
 * edited}: the customer edited it ({@code previousText} is the text before the latest edit, for
 * agents); {@code deletedByCustomer}: the customer deleted it for everyone (the page hides the text
 * by default); {@code automatic}: KretaNote sent it by itself (away, greeting, a rule, a macro);
 * {@code rich}: buttons, list, place or card as the customer sees them; {@code ourReaction}: the
 * emoji the business put on this message (null when none or removed).
 */
public record MessageView(
    long id,
    String direction,
    String type,
    String text,
    Instant createdAt,
    String status,
    Integer errorCode,
    String errorTitle,
    boolean forwarded,
    String quoted,
    List<String> reactions,
    String mediaState,
    String mediaMime,
    Double latitude,
    Double longitude,
    boolean fromPhone,
    boolean edited,
    String previousText,
    boolean deletedByCustomer,
    boolean automatic,
    Rich rich,
    String ourReaction) {

  /**
   * What a structured message shows beside its text, as the customer sees it: the reply buttons'
   * titles or the list's button and rows ({@code choices}, {@code listButton}), a place's name and
   * address, a contact card's name and phone or email. Null fields are not shown.
   */
  public record Rich(
      List<String> choices,
      String listButton,
      String placeName,
      String placeAddress,
      String cardName,
      String cardReach) {

    public static final Rich NONE = new Rich(List.of(), null, null, null, null, null);

    public boolean hasChoices() {
      return !choices.isEmpty();
    }
  }

  /** The rich part, never null. */
  public Rich shown() {
    return rich == null ? Rich.NONE : rich;
  }

  public boolean isInbound() {
    return "INBOUND".equals(direction);
  }

  /** Ticks as WhatsApp shows them: one (sent), two (delivered), two blue (read). */
  public String ticks() {
    return switch (status == null ? "" : status) {
      case "PENDING" -> "🕓";
      case "SENT" -> "✓";
      case "DELIVERED", "READ" -> "✓✓";
      case "FAILED" -> "!";
      default -> "";
    };
  }

  public String statusWords() {
    return switch (status == null ? "" : status) {
      case "PENDING" -> "Waiting to be sent";
      case "SENT" -> "Sent";
      case "DELIVERED" -> "Delivered";
      case "READ" -> "Read";
      case "FAILED" -> "Not delivered";
      default -> "";
    };
  }

  public String failure() {
    return "FAILED".equals(status) ? DeliveryFailures.explain(errorCode, errorTitle) : null;
  }

  /** Why it failed, as a code for the reader's language; null unless FAILED. */
  public Wording failureWording() {
    return "FAILED".equals(status) ? DeliveryFailures.wording(errorCode, errorTitle) : null;
  }

  public boolean isMedia() {
    return mediaState != null;
  }

  /** A file the business sent: Meta has it by id, so there is no local copy to download. */
  public boolean isSentFile() {
    return !isInbound() && List.of("image", "video", "audio", "document").contains(type);
  }

  public String typeWords() {
    return describeType(type);
  }

  public String mediaStateWords() {
    return switch (mediaState == null ? "" : mediaState) {
      case "PENDING" -> "Not downloaded yet";
      case "DOWNLOADED" -> "Downloaded";
      case "FAILED" -> "Download failed";
      default -> "";
    };
  }

  /** A message kind in words, for previews and media cards. */
  public static String describeType(String type) {
    return switch (type == null ? "" : type) {
      case "text" -> "Message";
      case "image" -> "📷 Photo";
      case "video" -> "🎬 Video";
      case "audio" -> "🎤 Voice message";
      case "document" -> "📄 Document";
      case "sticker" -> "Sticker";
      case "location" -> "📍 Location";
      case "contacts" -> "👤 Contact card";
      case "reaction" -> "Reaction";
      case "interactive", "button" -> "Reply";
      case "order" -> "🛒 Order";
      case "system" -> "WhatsApp notice";
      default -> "Message (" + type + ")";
    };
  }
}
