package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.MessageStatus;
import in.picode.kretanote.outbound.entity.OutboxEntry;

/**
 * Where an outbound message stands, for the dashboard and the API: the message's status (PENDING,
 * SENT, DELIVERED, READ, FAILED), the outbox's state (UNKNOWN is visible here: Meta may have the
 * message, KretaNote does not know), attempts so far, Meta's error code or KretaNote's refusal
 * code, and the reason in plain words.
 */
public record Outcome(
    long messageId,
    String wamid,
    MessageStatus status,
    OutboxEntry.State sending,
    int attempts,
    Integer errorCode,
    String refusalCode,
    String reason) {

  /** From the message and its outbox row ({@code null} when there is none). */
  static Outcome of(Message m, OutboxEntry o) {
    return new Outcome(
        m.getId(),
        m.getWamid(),
        m.getStatus(),
        o == null ? null : o.getState(),
        o == null ? 0 : o.getAttempts(),
        m.getErrorCode() != null ? m.getErrorCode() : o == null ? null : o.getErrorCode(),
        o == null ? null : o.getRefusalCode(),
        m.getErrorDetails() != null ? m.getErrorDetails() : o == null ? null : o.getOutcome());
  }
}
