package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.CallLogEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * One call event as the inbound pipeline read it from the {@code calls} webhook field: the call id
 * (wacid), the customer and number it belongs to, its direction and the state it reports.
 *
 * @param duration seconds, from a terminate event; null otherwise
 * @param startedAt the call's start if Meta named it (terminate's {@code start_time}), else null
 */
public record CallReport(
    long connectionId,
    long contactId,
    String callId,
    CallLogEntry.Direction direction,
    CallLogEntry.State state,
    String metaStatus,
    Instant at,
    Integer duration,
    Instant startedAt,
    long eventId) {
  public CallReport {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }
}
