package in.picode.kretanote.messaging.boundary;

/**
 * A conversation was assigned ({@code assigneeId}, null for nobody) or resolved, fired inside the
 * transaction that changed it, with the tenant bound.
 */
public record ConversationChanged(long tenantId, long conversationId, Kind kind, Long assigneeId) {

  public enum Kind {
    ASSIGNED,
    RESOLVED
  }
}
