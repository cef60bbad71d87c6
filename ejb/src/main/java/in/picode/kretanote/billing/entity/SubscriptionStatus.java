package in.picode.kretanote.billing.entity;

/**
 * trial → active → past_due → suspended → cancelled. PAST_DUE still sends (grace period); SUSPENDED
 * and CANCELLED do not, but inbound messages are always received and stored.
 */
public enum SubscriptionStatus {
  TRIAL,
  ACTIVE,
  PAST_DUE,
  SUSPENDED,
  CANCELLED;

  public boolean maySend() {
    return this == TRIAL || this == ACTIVE || this == PAST_DUE;
  }
}
