package in.picode.kretanote.messaging.entity;

public enum Direction {
  /** From the customer to the business. */
  INBOUND,
  /** From the business to the customer. */
  OUTBOUND
}
