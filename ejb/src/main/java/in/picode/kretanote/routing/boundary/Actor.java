package in.picode.kretanote.routing.boundary;

/** Who changes teams or routing, for the audit log and the assignment history. */
public record Actor(long userId, String email, String address) {}
