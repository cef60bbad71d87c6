package in.picode.kretanote.messaging.boundary;

import java.time.Instant;

/**
 * An outgoing message moved on (SENT, DELIVERED, READ, FAILED), fired inside the transaction that
 * stored the change, with the tenant bound; {@code errorCode} is Meta's, when it failed.
 */
public record MessageStatusChanged(
    long tenantId,
    long messageId,
    long conversationId,
    String status,
    Integer errorCode,
    String reason,
    Instant at) {}
