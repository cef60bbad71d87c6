package in.picode.kretanote.messaging.boundary;

/**
 * A message the business sends, for {@link MessageLog#queue}: {@code payload} is the message object
 * sent to Meta, {@code text} what the inbox shows, {@code contextWamid} and {@code
 * contextMessageId} the message it quotes, if any; {@code automatic}: KretaNote sends it by itself
 * (shown as automatic in the history).
 */
public record OutgoingMessage(
    String type,
    String text,
    String payload,
    String contextWamid,
    Long contextMessageId,
    boolean automatic) {}
