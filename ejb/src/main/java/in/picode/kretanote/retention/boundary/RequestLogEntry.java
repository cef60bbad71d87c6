package in.picode.kretanote.retention.boundary;

import java.time.Instant;

/** One logged data-subject request: what, who, when, outcome. */
public record RequestLogEntry(
    long id,
    long contactId,
    String kind,
    String actorEmail,
    Instant requestedAt,
    String outcome,
    String detail) {}
