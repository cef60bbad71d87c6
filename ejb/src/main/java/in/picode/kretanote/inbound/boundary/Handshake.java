package in.picode.kretanote.inbound.boundary;

/** The outcome of Meta's subscription handshake, as {@link WebhookInbox#handshake} answers it. */
public sealed interface Handshake {

  /** Answer 200 with the challenge as {@code text/plain}. */
  record Accepted(String challenge) implements Handshake {}

  /** Answer 403; the reason is for the log, not for the caller. */
  record Refused(String reason) implements Handshake {}
}
