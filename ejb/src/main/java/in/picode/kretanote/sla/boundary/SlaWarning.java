package in.picode.kretanote.sla.boundary;

import java.time.Instant;

/**
 * A conversation's SLA is about to be breached (due at {@code due}); fired once per due time, in
 * the transaction that claimed the warning, with the tenant bound.
 */
public record SlaWarning(
    long tenantId, long conversationId, Long assigneeId, String what, Instant due) {}
