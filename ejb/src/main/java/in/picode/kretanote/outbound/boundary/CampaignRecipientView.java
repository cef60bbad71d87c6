package in.picode.kretanote.outbound.boundary;

/**
 * A recipient's outcome as a person reads it: the state joins the recipient row with its message (a
 * handed-over message is QUEUED until Meta took it, then follows the message's ticks), and the
 * reason is the skip reason or Meta's error in words.
 */
public record CampaignRecipientView(
    long id,
    long contactId,
    String name,
    String phone,
    State state,
    Integer errorCode,
    String reason,
    Long messageId) {

  public enum State {
    QUEUED,
    SENT,
    DELIVERED,
    READ,
    FAILED,
    SKIPPED
  }

  /**
   * The effective state in SQL over {@code campaign_recipient r} left-joined to {@code message m}
   * and {@code outbox o} (a message the guard refused at send time counts as skipped).
   */
  static final String STATE_SQL =
      "case when r.state <> 'SENT' then r.state"
          + " when o.state = 'REFUSED' then 'SKIPPED'"
          + " when m.status is null or m.status = 'PENDING' then 'QUEUED'"
          + " else m.status end";

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getPhone() {
    return phone;
  }

  public State getState() {
    return state;
  }

  public Integer getErrorCode() {
    return errorCode;
  }

  public String getReason() {
    return reason;
  }
}
