package in.picode.kretanote.meta.boundary;

/**
 * Meta's answer to a send: the message's {@code wamid} and the recipient's WhatsApp id as Meta
 * resolved it ({@code null} when Meta names none). Accepted, not delivered: status webhooks follow.
 */
public record AcceptedMessage(String wamid, String waId) {}
