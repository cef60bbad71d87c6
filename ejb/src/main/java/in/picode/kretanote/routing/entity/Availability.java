package in.picode.kretanote.routing.entity;

/** What an agent says about taking new conversations; only ONLINE agents get them. */
public enum Availability {
  ONLINE,
  BUSY,
  OFFLINE
}
