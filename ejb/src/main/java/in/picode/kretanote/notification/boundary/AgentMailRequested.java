package in.picode.kretanote.notification.boundary;

/**
 * An agent's notification must be mailed to {@code to} once the transaction that stored it
 * committed (observed by {@code AgentMails} with {@code during = AFTER_SUCCESS}).
 */
public record AgentMailRequested(
    long tenantId, long userId, String to, String subject, String body, Long conversationId) {}
