package in.picode.kretanote.connection.boundary;

/**
 * Who asked for a connection change, for the audit log: the signed-in user (id and email) and the
 * client address; all null for the system (timers, tests).
 */
public record Actor(Long userId, String email, String clientAddress) {

  public static final Actor SYSTEM = new Actor(null, null, null);
}
