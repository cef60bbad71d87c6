package in.picode.kretanote.inbound.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How an inbound message appears in the inbox: its text, and the time it counts as written. */
public final class MessageTexts {

  /** Meta's clock and ours may differ a little; beyond this a timestamp is not believed. */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private MessageTexts() {}

  /** The text an agent reads and searches: the body, caption, chosen title, emoji and so on. */
  public static Optional<String> text(MessageContent content) {
    String text = null;
    if (content instanceof MessageContent.Text t) {
      text = t.body();
    } else if (content instanceof MessageContent.Media m) {
      text = m.caption().filter(c -> !c.isBlank()).or(m::filename).orElse(null);
    } else if (content instanceof MessageContent.Location l) {
      text = l.name().or(l::address).orElse(l.latitude() + ", " + l.longitude());
    } else if (content instanceof MessageContent.Reaction r) {
      text = r.emoji();
    } else if (content instanceof MessageContent.InteractiveReply i) {
      text = i.title();
    } else if (content instanceof MessageContent.ButtonReply b) {
      text = b.text();
    } else if (content instanceof MessageContent.Order o) {
      text = o.text().orElse(null);
    } else if (content instanceof MessageContent.SystemNotice n) {
      text = n.body();
    } else if (content instanceof MessageContent.ContactCards c) {
      text = String.join(", ", c.formattedNames());
    } else if (content instanceof MessageContent.Edit e) {
      text = e.text().orElse(null);
    }
    return Optional.ofNullable(text).filter(t -> !t.isBlank());
  }

  /**
   * When the customer wrote the message: Meta's timestamp, unless it lies in the future, which
   * would stretch the 24-hour window beyond what Meta allows; then the time we received it.
   */
  public static Instant writtenAt(Instant metaTimestamp, Instant receivedAt) {
    return metaTimestamp.isAfter(receivedAt.plus(FUTURE_TOLERANCE)) ? receivedAt : metaTimestamp;
  }

  /** A customer's own message opens the service window; a notice from WhatsApp does not. */
  public static boolean opensWindow(MessageType type) {
    return type != MessageType.SYSTEM && !amends(type);
  }

  /** An edit or deletion changes an earlier message and is not one of its own. */
  public static boolean amends(MessageType type) {
    return type == MessageType.EDIT || type == MessageType.REVOKE;
  }

  /** What an agent should look at: not reactions and not WhatsApp's own notices. */
  public static boolean countsAsUnread(MessageType type) {
    return type != MessageType.REACTION && type != MessageType.SYSTEM && !amends(type);
  }
}
