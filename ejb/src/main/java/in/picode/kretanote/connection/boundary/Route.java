package in.picode.kretanote.connection.boundary;

/** Where a webhook for one phone number belongs: the owning tenant and its connection. */
public record Route(long tenantId, long connectionId) {}
