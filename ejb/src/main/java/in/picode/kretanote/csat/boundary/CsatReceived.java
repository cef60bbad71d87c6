package in.picode.kretanote.csat.boundary;

import java.time.Instant;

/**
 * A customer rated a conversation (1..5), fired once per survey inside the transaction that stored
 * the rating, with the tenant bound; {@code assigneeId} is the agent the rating counts for.
 */
public record CsatReceived(
    long tenantId,
    long surveyId,
    long conversationId,
    Long assigneeId,
    int rating,
    Instant answeredAt) {}
