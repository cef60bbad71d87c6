package in.picode.kretanote.messaging.boundary;

import java.time.Instant;

/**
 * The business queued a message into a conversation (an agent's reply, an API send, an automatic
 * message: {@code automatic}), fired inside the transaction that wrote it, with the tenant bound.
 */
public record BusinessMessageQueued(
    long tenantId, long conversationId, long messageId, Instant queuedAt, boolean automatic) {}
