package in.picode.kretanote.messaging.boundary;

/**
 * A conversation was opened (by a customer's first message or a campaign's), re-opened (by the
 * customer writing again or an agent), assigned ({@code assigneeId}, null for nobody; {@code
 * actorId} the user who did it, null for the system or the API) or resolved, fired inside the
 * transaction that changed it, with the tenant bound.
 */
public record ConversationChanged(
    long tenantId, long conversationId, Kind kind, Long assigneeId, Long actorId) {

  public enum Kind {
    CREATED,
    REOPENED,
    ASSIGNED,
    RESOLVED
  }

  public ConversationChanged(long tenantId, long conversationId, Kind kind, Long assigneeId) {
    this(tenantId, conversationId, kind, assigneeId, null);
  }
}
