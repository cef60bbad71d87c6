package in.picode.kretanote.routing.boundary;

/**
 * A conversation was assigned (automatically or by hand) or moved to a team, fired after the
 * transaction committed, with the tenant bound. {@code teamId}/{@code teamName} are null for no
 * team, {@code assigneeId}/{@code assigneeName} null for nobody; {@code reason} is the history's
 * words ("round robin in team Sales", "assigned by Asha").
 */
public record ConversationAssigned(
    long tenantId,
    long conversationId,
    Long teamId,
    String teamName,
    Long assigneeId,
    String assigneeName,
    String reason) {}
