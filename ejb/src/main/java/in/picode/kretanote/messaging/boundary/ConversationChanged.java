package in.picode.kretanote.messaging.boundary;

/**
 * A conversation was opened (by a customer's first message or a campaign's), assigned ({@code
 * assigneeId}, null for nobody) or resolved, fired inside the transaction that changed it, with the
 * tenant bound.
 */
public record ConversationChanged(long tenantId, long conversationId, Kind kind, Long assigneeId) {

  public enum Kind {
    CREATED,
    ASSIGNED,
    RESOLVED
  }
}
