package in.picode.kretanote.inbound.control;

import java.util.Locale;

/**
 * The message types Meta documents for {@code messages[].type}. Anything else becomes {@link
 * #UNKNOWN}, keeps its wire name in {@link InboundMessage#rawType()} and is stored all the same: a
 * type Meta adds tomorrow must show up as "unknown message" rather than vanish. Meta's own {@code
 * "unknown"} type maps here too.
 */
public enum MessageType {
  TEXT,
  IMAGE,
  AUDIO,
  VIDEO,
  DOCUMENT,
  STICKER,
  LOCATION,
  CONTACTS,
  INTERACTIVE,
  BUTTON,
  REACTION,
  ORDER,
  SYSTEM,
  REQUEST_WELCOME,
  /** The customer edited an earlier message ({@code edit.original_message_id}). */
  EDIT,
  /** The customer deleted an earlier message for everyone. */
  REVOKE,
  UNSUPPORTED,
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isMedia() {
    return this == IMAGE || this == AUDIO || this == VIDEO || this == DOCUMENT || this == STICKER;
  }

  public static MessageType fromWire(String type) {
    for (MessageType candidate : values()) {
      if (candidate.wireName().equals(type)) {
        return candidate;
      }
    }
    return UNKNOWN;
  }
}
