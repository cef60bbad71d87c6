package in.picode.kretanote.messaging.boundary;

/**
 * A label was put on a conversation that did not carry it, fired inside the transaction that added
 * it, with the tenant bound.
 */
public record ConversationLabeled(long tenantId, long conversationId, String label) {}
