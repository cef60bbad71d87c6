package in.picode.kretanote.messaging.boundary;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's message as a webhook delivered it, for {@link MessageLog#record}: already resolved
 * to the contact, with the inbox text and Meta's JSON for its type. {@code writtenAt} is Meta's
 * time; {@code opensWindow} and {@code unread} say whether it opens the 24-hour window and whether
 * an agent should look at it (a reaction or a notice from WhatsApp does neither).
 */
public record IncomingMessage(
    long connectionId,
    long contactId,
    String wamid,
    String type,
    String text,
    String payload,
    String contextWamid,
    boolean forwarded,
    Instant writtenAt,
    boolean opensWindow,
    boolean unread,
    Optional<File> file) {

  /** The file of a media message as the webhook names it; downloaded later. */
  public record File(String mediaId, String mimeType, String sha256, String filename) {}

  public IncomingMessage {
    Objects.requireNonNull(file, "file");
  }
}
