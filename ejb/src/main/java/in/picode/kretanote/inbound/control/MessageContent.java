package in.picode.kretanote.inbound.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CRM needs from a message's type object, typed. The object itself is always kept as JSON
 * in {@link InboundMessage#contentJson()}, so anything not extracted here can still be read later
 * without Meta resending it.
 */
public sealed interface MessageContent {

  record Text(String body) implements MessageContent {
    public Text {
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * Image, audio, video, document or sticker. The id expires after 7 days at Meta, so it has to be
   * downloaded promptly; {@code sha256} is Meta's checksum of the file.
   */
  record Media(
      String mediaId,
      Optional<String> mimeType,
      Optional<String> sha256,
      Optional<String> caption,
      Optional<String> filename)
      implements MessageContent {
    public Media {
      Objects.requireNonNull(mediaId, "mediaId");
    }
  }

  record Location(
      double latitude,
      double longitude,
      Optional<String> name,
      Optional<String> address,
      Optional<String> url)
      implements MessageContent {}

  /** An empty emoji means the customer removed an earlier reaction. */
  record Reaction(String messageId, String emoji) implements MessageContent {
    public Reaction {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(emoji, "emoji");
    }

    public boolean isRemoval() {
      return emoji.isEmpty();
    }
  }

  /**
   * The customer's answer to an interactive message. For a reply button and a list row, {@code id}
   * is the id we gave it and {@code title} what the customer saw. For a Flow ({@code nfm_reply}),
   * {@code id} is the reply's {@code name} (for example {@code flow}), {@code title} its {@code
   * body} and {@code responseJson} the answers the Flow collected, as the JSON string Meta sends.
   */
  record InteractiveReply(
      Kind kind,
      String id,
      String title,
      Optional<String> description,
      Optional<String> responseJson)
      implements MessageContent {

    public enum Kind {
      BUTTON_REPLY,
      LIST_REPLY,
      NFM_REPLY
    }

    public InteractiveReply {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  /** A quick-reply button of a template; {@code payload} is what we put in the template. */
  record ButtonReply(String text, Optional<String> payload) implements MessageContent {
    public ButtonReply {
      Objects.requireNonNull(text, "text");
    }
  }

  record Order(Optional<String> catalogId, Optional<String> text, List<Item> items)
      implements MessageContent {

    public record Item(
        String productRetailerId,
        int quantity,
        Optional<BigDecimal> itemPrice,
        Optional<String> currency) {
      public Item {
        Objects.requireNonNull(productRetailerId, "productRetailerId");
      }
    }

    public Order {
      items = List.copyOf(items);
    }
  }

  /**
   * A notice from WhatsApp itself, such as a customer changing their number; {@code newWaId} is the
   * new number when Meta gives one.
   */
  record SystemNotice(String body, Optional<String> kind, Optional<String> newWaId)
      implements MessageContent {
    public SystemNotice {
      Objects.requireNonNull(body, "body");
    }
  }

  /** Shared contact cards; the cards themselves stay in the JSON. */
  record ContactCards(int count, List<String> formattedNames) implements MessageContent {
    public ContactCards {
      formattedNames = List.copyOf(formattedNames);
    }
  }

  /**
   * A message WhatsApp could not hand over (for example a poll or a view-once message); the reason
   * is in {@link InboundMessage#errors()}.
   */
  record Unsupported(Optional<String> originalType) implements MessageContent {}

  /** Nothing typed to extract: request_welcome, unknown types and unknown interactive kinds. */
  record Opaque() implements MessageContent {}

  /**
   * The customer edited message {@code originalWamid}; {@code text} is the new body (or caption),
   * empty when the edited message has none.
   */
  record Edit(String originalWamid, Optional<String> text) implements MessageContent {
    public Edit {
      Objects.requireNonNull(originalWamid, "originalWamid");
    }
  }

  /** The customer deleted message {@code originalWamid} for everyone. */
  record Revoke(String originalWamid) implements MessageContent {
    public Revoke {
      Objects.requireNonNull(originalWamid, "originalWamid");
    }
  }
}
