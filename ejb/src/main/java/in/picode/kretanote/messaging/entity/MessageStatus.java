package in.picode.kretanote.messaging.entity;

/**
 * Where a message stands. Inbound messages are {@link #RECEIVED}; an outbound one is {@link
 * #PENDING} until Meta accepts it and then follows Meta's status webhooks, never backwards.
 */
public enum MessageStatus {
  RECEIVED,
  PENDING,
  SENT,
  DELIVERED,
  READ,
  FAILED
}
