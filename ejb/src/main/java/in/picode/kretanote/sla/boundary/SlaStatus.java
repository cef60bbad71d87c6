package in.picode.kretanote.sla.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * What the inbox shows for one conversation: the next due time, what is due ("response" or
 * "resolution"), and whether it passed.
 */
public record SlaStatus(Instant due, String what, boolean breached, Duration left) {

  /** "12 min left", "3 h 5 min left", "breached 4 min ago". */
  public String words() {
    long seconds = Math.abs(left.getSeconds());
    // Time left rounds up (never "0 min left" before the due time), time past rounds down.
    long minutes = breached ? seconds / 60 : (seconds + 59) / 60;
    String span =
        minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    return breached ? "breached " + span + " ago" : span + " left";
  }
}
