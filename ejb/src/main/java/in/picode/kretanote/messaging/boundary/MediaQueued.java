package in.picode.kretanote.messaging.boundary;

/**
 * A media row was stored for download. Fired inside the transaction that stores it; the downloader
 * observes it after a successful commit only, so it never looks for a row that is not there.
 */
public record MediaQueued(long tenantId, long messageId) {}
