package in.picode.kretanote.outbound.boundary;

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
    String reason) {}
