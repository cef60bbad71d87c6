package in.picode.kretanote.contact.boundary;

/**
 * A contact was created or changed by a person, the API or an incoming message (fired inside the
 * transaction that wrote it, with the tenant bound): observers such as outgoing webhooks join it.
 */
public record ContactChanged(long tenantId, long contactId, boolean created) {}
