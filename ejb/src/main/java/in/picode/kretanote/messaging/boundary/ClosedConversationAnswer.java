package in.picode.kretanote.messaging.boundary;

/**
 * A customer's message is about to be stored in a resolved conversation, which it re-opens unless
 * an observer recognises it as the answer to a question the business itself asked after the
 * resolution (csat's satisfaction survey) and calls {@link #keepClosed()}. Fired synchronously,
 * inside the storing transaction and with the tenant bound, before the conversation changes:
 * messaging cannot ask csat directly (csat sends through messaging), so the feature that asked
 * decides through this event.
 *
 * @param payload Meta's JSON object of the message's type (the chosen row or button with its id)
 * @param contextMessageId the business's message it answers, when that message is stored
 */
public final class ClosedConversationAnswer {

  private final long tenantId;
  private final long conversationId;
  private final String type;
  private final String payload;
  private final Long contextMessageId;
  private boolean keepClosed;

  public ClosedConversationAnswer(
      long tenantId, long conversationId, String type, String payload, Long contextMessageId) {
    this.tenantId = tenantId;
    this.conversationId = conversationId;
    this.type = type;
    this.payload = payload;
    this.contextMessageId = contextMessageId;
  }

  /** The message answers the observer's own question: the conversation stays resolved. */
  public void keepClosed() {
    keepClosed = true;
  }

  public boolean keepsClosed() {
    return keepClosed;
  }

  public long tenantId() {
    return tenantId;
  }

  public long conversationId() {
    return conversationId;
  }

  public String type() {
    return type;
  }

  public String payload() {
    return payload;
  }

  public Long contextMessageId() {
    return contextMessageId;
  }
}
